using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>The records merged into this one, newest first, with whether each can still be undone.</summary>
public static class GetMergesInto
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid PersonId) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid MergeId, string MergedName, DateTime MergedAtUtc, string MergedBy, DateTime? UndoneAtUtc, DateTime UndoableUntilUtc, bool CanUndo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            _ = await MergeRules.PartyAsync(db, user, query.PersonId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == query.PersonId)
                .Join(db.People, m => m.MergedId, p => p.Id, (m, p) => new { Merge = m, p.GivenNames, p.FamilyName })
                .ToListAsync(cancellationToken);
            return [.. merges.OrderByDescending(m => m.Merge.MergedAtUtc).Select(m => new Item(
                m.Merge.Id, $"{m.GivenNames} {m.FamilyName}", m.Merge.MergedAtUtc, m.Merge.MergedByName, m.Merge.UndoneAtUtc,
                m.Merge.UndoableUntilUtc(settings.UndoPeriodDays), m.Merge.CanUndo(now, settings.UndoPeriodDays)))];
        }
    }
}
