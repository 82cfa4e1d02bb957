using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Makes the SSDA903 files for a year: read, checked against the DfE's rules and written child by child (never held in
/// memory) into one zip of the DfE's CSV files, in a file only this account can read. Refused while errors are outstanding
/// unless the officer confirms them. Each zip made is audited with the errors confirmed; the page streams it and deletes it.
/// </summary>
public static class ProduceSsda903
{
    /// <remarks>A query, not a command, for the reason <see cref="ProduceCinCensus.Command"/> gives: no write lock held while the return is read.</remarks>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Command(CollectionYear Year, bool ConfirmErrors) : IQuery<Result>;

    /// <param name="Path">The zip written; the caller streams it and deletes it.</param>
    public sealed record Result(string Path, string FileName, int Children, int Errors);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var year = command.Year;
            var whole = new Ssda903Rules(year).StartReturn();
            var errors = 0;

            async IAsyncEnumerable<LacChild> Checked()
            {
                await foreach (var child in new Ssda903Reader(db).ReadAsync(year, cancellationToken))
                {
                    errors += whole.Add(child).Count(f => f.Rule.Severity == RuleSeverity.Error);
                    yield return child;
                }
            }

            var path = ReturnFiles.TemporaryPath($"ssda903-{year.Slug}", "zip");
            try
            {
                await using (var file = ReturnFiles.CreatePrivate(path))
                {
                    await Ssda903Csv.WriteAsync(file, year, Checked(), cancellationToken);
                }

                errors += whole.Finish().Count(f => f.Rule.Severity == RuleSeverity.Error);
                ReturnFiles.RefuseUnconfirmedErrors(errors, command.ConfirmErrors, "return", nameof(Command.ConfirmErrors));

                var laNumber = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(cancellationToken);
                db.AuditEntries.Add(new AuditEntry(
                    clock.GetUtcNow().UtcDateTime, user.UserId, $"ProduceSsda903 {year.Label}: {whole.Children} children, {errors} errors{(errors > 0 ? " confirmed" : "")}", null, user.CorrelationId));
                await db.SaveChangesAsync(cancellationToken);
                return new Result(path, $"SSDA903_{year.EndYear}{(string.IsNullOrEmpty(laNumber) ? "" : "_" + laNumber)}.zip", whole.Children, errors);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }
    }
}
