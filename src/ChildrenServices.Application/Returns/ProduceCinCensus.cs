using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Makes the CIN census file for a year: read, checked against the DfE's rules and written child by child to a file of its
/// own (never held in memory), then checked against the DfE's schema for the year where one is published. Refused while
/// the council's LA number is not set, and while errors are outstanding unless the officer confirms them; a file without
/// errors that would not pass the schema is never made. Each file made is audited, with the errors confirmed and whether
/// it fails the schema; the page streams it and deletes it.
/// </summary>
public static class ProduceCinCensus
{
    /// <remarks>
    /// A query, not a command: a command's transaction would hold SQLite's write lock (BEGIN IMMEDIATE) while the whole
    /// census is read and written, and every other user's save would wait on it. Its one write, the audit row, is saved on
    /// its own once the file is made.
    /// </remarks>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Command(CollectionYear Year, bool ConfirmErrors) : IQuery<Result>;

    /// <param name="Path">The file written; the caller streams it and deletes it.</param>
    /// <param name="FailsSchema">Made with errors confirmed, the file does not pass the DfE's schema for the year.</param>
    public sealed record Result(string Path, string FileName, int Children, int Errors, bool FailsSchema = false);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await db.ReturnSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (settings is null || string.IsNullOrEmpty(settings.LaNumber))
            {
                throw new DomainRuleException("An administrator must set the council's LA number in the return settings before a census can be made", nameof(Command.Year));
            }

            var year = command.Year;
            var now = clock.GetUtcNow().UtcDateTime;
            var header = new CinCensusXml.Header(year, settings.LaNumber, settings.SoftwareName, CinCensusXml.ThisRelease, UkTime.ToLocal(now));
            var whole = new CensusRules(year, WorkingDayCalendar.EnglandAndWales).StartReturn();
            var errors = 0;
            IReadOnlyList<string> schemaProblems = [];

            async IAsyncEnumerable<CensusChild> Checked()
            {
                await foreach (var child in new CinCensusReader(db).ReadAsync(year, cancellationToken))
                {
                    errors += whole.Add(child).Count(f => f.Rule.Severity == RuleSeverity.Error);
                    yield return child;
                }
            }

            var path = ReturnFiles.TemporaryPath($"cin-census-{year.Slug}", "xml");
            try
            {
                await using (var file = ReturnFiles.CreatePrivate(path))
                {
                    await CinCensusXml.WriteAsync(file, header, Checked(), cancellationToken);
                }

                errors += whole.Finish().Count(f => f.Rule.Severity == RuleSeverity.Error);
                ReturnFiles.RefuseUnconfirmedErrors(errors, command.ConfirmErrors, "census", nameof(Command.ConfirmErrors));

                // A file with no errors must pass the DfE's schema: one that does not is this product's fault, never handed over.
                // One whose errors the officer confirmed may not (a missing ethnicity leaves out an element the schema
                // needs): it is made all the same, to check or share, and the audit says so.
                if (CinCensusXml.SchemaFor(year) is { } schema)
                {
                    await using var written = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
                    schemaProblems = await CinCensusXml.ValidateAsync(written, schema, 5, cancellationToken);
                    if (schemaProblems.Count > 0 && errors == 0)
                    {
                        throw new DomainRuleException(
                            $"The file would not pass the DfE's {year.Label} schema, so it has not been made. The schema's first problems: {string.Join("; ", schemaProblems)}",
                            nameof(Command.ConfirmErrors));
                    }
                }
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            var action = $"ProduceCinCensus {year.Label}: {whole.Children} children, {errors} errors{(errors > 0 ? " confirmed" : "")}{(schemaProblems.Count > 0 ? ", fails the schema" : "")}";
            try
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, null, user.CorrelationId));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            return new Result(path, $"CIN_Census_{year.EndYear}_{settings.LaNumber}.xml", whole.Children, errors, schemaProblems.Count > 0);
        }
    }
}
