using System.Globalization;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Makes Ofsted's Annex A lists 1 to 8 for a period (up to three years, ending today at the latest) as one Excel workbook
/// or a zip of CSV files, read a batch at a time and written as they stream (never held in memory) to a file only this
/// account can read. Each file made is audited with its period, format and number of rows; the page streams it and deletes
/// it. Lists 9 to 11 are not made: the product does not record them (<see cref="AnnexA.NotRecorded"/>).
/// </summary>
public static class ProduceAnnexA
{
    /// <remarks>A query, not a command, for the reason <see cref="ProduceCinCensus.Command"/> gives: no write lock held while the lists are read.</remarks>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Command(DateOnly From, DateOnly To, AnnexAFormat Format) : IQuery<Result>;

    /// <param name="Path">The file written; the caller streams it and deletes it.</param>
    /// <param name="Rows">Each list's number of rows, by its number.</param>
    public sealed record Result(string Path, string FileName, string ContentType, IReadOnlyDictionary<int, int> Rows);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Format).IsInEnum().WithMessage("Choose the Excel workbook or the CSV files");
            RuleFor(c => c).Custom((c, context) =>
            {
                foreach (var (field, message) in AnnexA.PeriodProblems(c.From, c.To, UkTime.Today(clock)))
                {
                    context.AddFailure(field, message);
                }
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var (from, to) = (command.From, command.To);
            var reader = new AnnexAReader(db, from, to);
            var lists = AnnexA.Lists.Select(l => (l, reader.RowsAsync(l, cancellationToken))).ToList();
            var excel = command.Format == AnnexAFormat.Excel;
            var period = $"{from:yyyy-MM-dd}_to_{to:yyyy-MM-dd}";
            var path = ReturnFiles.TemporaryPath($"annex-a-{period}", excel ? "xlsx" : "zip");
            try
            {
                IReadOnlyDictionary<int, int> rows;
                await using (var file = ReturnFiles.CreatePrivate(path))
                {
                    rows = excel
                        ? await AnnexAXlsx.WriteAsync(file, lists, cancellationToken)
                        : await AnnexACsv.WriteAsync(file, lists, cancellationToken);
                }

                // The audit's action holds 100 characters: the period, the format and the rows in all, never who is in them.
                db.AuditEntries.Add(new AuditEntry(
                    clock.GetUtcNow().UtcDateTime, user.UserId,
                    $"ProduceAnnexA {from:yyyy-MM-dd}–{to:yyyy-MM-dd}, {(excel ? "Excel" : "CSV")}: {rows.Values.Sum().ToString(CultureInfo.InvariantCulture)} rows in lists 1–8", null, user.CorrelationId));
                await db.SaveChangesAsync(cancellationToken);
                return new Result(
                    path,
                    $"Annex_A_{period}.{(excel ? "xlsx" : "zip")}",
                    excel ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/zip",
                    rows);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }
    }
}
