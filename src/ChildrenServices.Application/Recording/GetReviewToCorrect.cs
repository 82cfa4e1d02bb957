using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A review as the correction form shows it: its date and what it decided, whether the user may correct it, and its corrections so far.</summary>
public static class GetReviewToCorrect
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CorrectedRecord Kind, Guid ReviewId) : IQuery<Result>, IPersonScoped;

    public sealed record Result(CorrectedRecord Kind, Guid ReviewId, Guid Version, DateOnly HeldOn, string Summary, bool MayCorrect, IReadOnlyList<CorrectionRow> Corrections);

    /// <summary>One correction of a record, for the history shown beside it.</summary>
    public sealed record CorrectionRow(DateOnly From, DateOnly To, string Reason, string By, bool AsManager, DateTime AtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var review = await ReviewCorrections.LoadAsync(db, query.PersonId, query.Kind, query.ReviewId, cancellationToken);
            var may = await access.ManagesHoldingTeamAsync(query.PersonId, cancellationToken)
                || Correction.RecorderMayCorrect(review.RecordedById, review.RecordedOn, user.UserId ?? Guid.Empty, UkTime.Today(clock));
            var corrections = await CorrectionHistory.ForAsync(db, [query.ReviewId], cancellationToken);
            return new Result(query.Kind, query.ReviewId, review.Root.Version, review.HeldOn, review.Summary, may, corrections.GetValueOrDefault(query.ReviewId, []));
        }
    }
}

internal static class CorrectionHistory
{
    /// <summary>The corrections of each record, oldest first, with who made them.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GetReviewToCorrect.CorrectionRow>>> ForAsync(IAppDbContext db, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        if (recordIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<GetReviewToCorrect.CorrectionRow>>();
        }

        var rows = await db.Corrections.AsNoTracking().Where(c => recordIds.Contains(c.RecordId))
            .Join(db.Staff, c => c.CorrectedById, s => s.Id, (c, s) => new { c.RecordId, Row = new GetReviewToCorrect.CorrectionRow(c.FromDate, c.ToDate, c.Reason, s.DisplayName, c.AsManager, c.CorrectedAtUtc) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => (IReadOnlyList<GetReviewToCorrect.CorrectionRow>)[.. g.Select(r => r.Row).OrderBy(r => r.AtUtc)]);
    }
}
