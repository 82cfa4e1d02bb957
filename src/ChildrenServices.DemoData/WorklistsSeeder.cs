using ChildrenServices.Application;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.DemoData;

/// <summary>
/// Development only, after the statutory pathway: the demo reviewing officer is allocated to the looked-after
/// children (whose reviews she chaired; some are due, some overdue), while the children on child protection plans
/// stay on her worklist because she chaired their conferences; and the demo manager's assessment team has one
/// worker over capacity, with a sibling group among their children, to drill into and rebalance.
/// No random generator, so the data seeded before stays as it was.
/// </summary>
internal sealed class WorklistsSeeder(AppDbContext db, TimeProvider clock)
{
    /// <summary>How far over the team's capacity the busiest worker is left.</summary>
    public const int OverCapacityBy = 3;

    public async Task SeedAsync(Guid reviewingOfficer, Guid manager)
    {
        var today = UkTime.Today(clock);
        var lookedAfter = await db.PeriodsOfCare.Where(p => p.EndedOn == null).Select(p => p.ChildId).Distinct().ToListAsync();
        foreach (var child in lookedAfter)
        {
            db.ReviewingOfficerAllocations.Add(new ReviewingOfficerAllocation(child, reviewingOfficer, today.AddMonths(-2), manager));
        }

        var team = await db.Teams.Include(t => t.Members).Where(t => t.ManagerId == manager && t.Kind == TeamKind.Assessment).OrderBy(t => t.Name).FirstOrDefaultAsync();
        if (team is not null)
        {
            var workers = team.Members.Select(m => m.UserId).Where(id => id != manager).ToList();
            var loads = await db.Allocations.Where(a => a.TeamId == team.Id && a.EndedOn == null && workers.Contains(a.WorkerId))
                .GroupBy(a => a.WorkerId).Select(g => new { Worker = g.Key, Count = g.Count() }).ToListAsync();
            var busiest = loads.OrderByDescending(l => l.Count).ThenBy(l => l.Worker).FirstOrDefault();
            if (busiest is not null && busiest.Count <= team.CaseloadCapacityPerWorker + OverCapacityBy)
            {
                // Whole households of children nobody holds, so the manager can move a sibling group.
                var allocated = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
                var wanted = team.CaseloadCapacityPerWorker + OverCapacityBy - busiest.Count;
                var free = await db.Households
                    .SelectMany(h => h.Members.Where(m => m.LeftOn == null), (h, m) => new { Household = h.Id, m.PersonId })
                    .Join(db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null), x => x.PersonId, p => p.Id, (x, p) => new { x.Household, p.Id })
                    .Where(x => !allocated.Contains(x.Id))
                    .OrderBy(x => x.Household).ThenBy(x => x.Id)
                    .ToListAsync();
                foreach (var child in free.GroupBy(x => x.Household).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).SelectMany(g => g).Take(wanted))
                {
                    DemoAllocations.Add(db, child.Id, busiest.Worker, team.Id, AllocationRole.Lead, today.AddDays(-30), manager);
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
