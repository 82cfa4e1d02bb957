using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A review or visit as the correction form shows it: its date and what it recorded, whether the user may correct it, and its corrections so far.</summary>
public static class GetDateToCorrect
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CorrectedRecord Kind, Guid RecordId) : IQuery<Result>, IPersonScoped;

    /// <param name="Hint">The date field's hint where it depends on the record itself; otherwise the page words it by kind.</param>
    public sealed record Result(CorrectedRecord Kind, Guid RecordId, Guid Version, DateOnly On, string Summary, bool MayCorrect, IReadOnlyList<CorrectionRow> Corrections, string? Hint = null);

    /// <summary>One correction of a record, for the history shown beside it.</summary>
    public sealed record CorrectionRow(DateOnly From, DateOnly To, string Reason, string By, bool AsManager, DateTime AtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, Domain.Calendar.WorkingDayCalendar calendar, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var record = await DateCorrections.LoadAsync(db, query.PersonId, query.Kind, query.RecordId, calendar, cancellationToken);
            var may = await access.ManagesHoldingTeamAsync(query.PersonId, cancellationToken)
                || Correction.RecorderMayCorrect(record.RecordedById, record.RecordedOn, user.UserId ?? Guid.Empty, UkTime.Today(clock));
            var corrections = await CorrectionHistory.ForAsync(db, [query.RecordId], cancellationToken);
            return new Result(query.Kind, query.RecordId, record.Root.Version, record.On, record.Summary, may, corrections.GetValueOrDefault(query.RecordId, []), record.Hint);
        }
    }
}

internal static class CorrectionHistory
{
    /// <summary>The corrections of each record, oldest first, with who made them.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GetDateToCorrect.CorrectionRow>>> ForAsync(IAppDbContext db, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        if (recordIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<GetDateToCorrect.CorrectionRow>>();
        }

        var rows = await db.Corrections.AsNoTracking().Where(c => recordIds.Contains(c.RecordId))
            .Join(db.Staff, c => c.CorrectedById, s => s.Id, (c, s) => new { c.RecordId, Row = new GetDateToCorrect.CorrectionRow(c.FromDate, c.ToDate, c.Reason, s.DisplayName, c.AsManager, c.CorrectedAtUtc) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => (IReadOnlyList<GetDateToCorrect.CorrectionRow>)[.. g.Select(r => r.Row).OrderBy(r => r.AtUtc)]);
    }
}
