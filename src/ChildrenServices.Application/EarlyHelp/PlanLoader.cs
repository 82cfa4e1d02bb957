using ChildrenServices.Domain.EarlyHelp;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

internal static class PlanLoader
{
    public static Task<FamilyPlan> LoadAsync(IAppDbContext db, Guid episodeId, CancellationToken ct) =>
        db.FamilyPlans.Include(p => p.Goals).ThenInclude(g => g.Actions).Include(p => p.Reviews).ThenInclude(r => r.Progress)
            .AsSplitQuery().SingleAsync(p => p.EpisodeId == episodeId, ct);
}
