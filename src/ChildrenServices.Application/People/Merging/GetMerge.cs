using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>A merge as its pages show it: the two records, when, by whom, and whether it can still be undone.</summary>
public static class GetMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid MergeId) : IQuery<Result>;

    public sealed record Result(Guid Id, Guid Version, MergeParty Survivor, MergeParty Merged, DateTime MergedAtUtc, string MergedBy,
        int RowsMoved, DateTime? UndoneAtUtc, string? UndoneBy, DateTime UndoableUntilUtc, bool CanUndo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var merge = await db.PersonMerges.AsNoTracking().Include(m => m.MovedRows).SingleOrDefaultAsync(m => m.Id == query.MergeId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var survivor = await MergeRules.PartyAsync(db, user, merge.SurvivorId, cancellationToken, includeMerged: true);
            var merged = await MergeRules.PartyAsync(db, user, merge.MergedId, cancellationToken, includeMerged: true);
            var now = clock.GetUtcNow().UtcDateTime;
            return new Result(merge.Id, merge.Version, survivor, merged, merge.MergedAtUtc, merge.MergedByName, merge.MovedRows.Count,
                merge.UndoneAtUtc, merge.UndoneByName, merge.UndoableUntilUtc(settings.UndoPeriodDays), merge.CanUndo(now, settings.UndoPeriodDays));
        }
    }
}
