using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

internal static class PlanLoader
{
    public static async Task<ChildInNeedPlan> LoadAsync(IAppDbContext db, Guid personId, Guid planId, Guid? version, CancellationToken ct)
    {
        var plan = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        if (version is { } v)
        {
            db.ExpectVersion(plan, v);
        }

        return plan;
    }
}
