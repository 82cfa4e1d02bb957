using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>What will move from one record to the other, for "Check your answers".</summary>
public static class PreviewMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid SurvivorId, Guid MergedId) : IQuery<Result>;

    public sealed record Moving(string What, int Moves, int Stays);

    public sealed record Result(MergeParty Survivor, MergeParty Merged, IReadOnlyList<Moving> Rows, string? Refusal);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, PersonRowMover mover) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var survivor = await MergeRules.PartyAsync(db, user, query.SurvivorId, cancellationToken);
            var merged = await MergeRules.PartyAsync(db, user, query.MergedId, cancellationToken);
            var refusal = await MergeRules.RefusalAsync(db, survivor, merged, cancellationToken);
            var rows = refusal is null
                ? (await mover.PreviewAsync(survivor.Id, merged.Id, cancellationToken))
                    .GroupBy(r => MergeRules.Describe(r.Reference))
                    .Select(g => new Moving(g.Key, g.Sum(r => r.Moves), g.Sum(r => r.Stays)))
                    .OrderBy(m => m.What, StringComparer.Ordinal)
                    .ToList()
                : [];
            return new Result(survivor, merged, rows, refusal);
        }
    }
}
