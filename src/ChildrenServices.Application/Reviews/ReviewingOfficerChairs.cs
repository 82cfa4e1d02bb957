using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Reviews;

/// <summary>
/// Who chaired each child's last review or conference: the fallback when no reviewing officer is allocated
/// (children reviewed before allocation existed). The latest of the last looked-after review, the last child
/// protection review conference and the initial child protection conference wins.
/// </summary>
internal static class ReviewingOfficerChairs
{
    public static async Task<Dictionary<Guid, Guid>> LastChairsAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var held = new List<(Guid Child, DateOnly On, Guid Chair)>();
        held.AddRange((await db.PeriodsOfCare.Where(p => childIds.Contains(p.ChildId)).SelectMany(p => p.Reviews, (p, r) => new { p.ChildId, r.HeldOn, r.ReviewingOfficerId })
            .ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ReviewingOfficerId)));
        held.AddRange((await db.ChildProtectionPlans.Where(p => childIds.Contains(p.ChildId)).SelectMany(p => p.Reviews, (p, r) => new { p.ChildId, r.HeldOn, r.ChairId })
            .ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ChairId)));
        held.AddRange((await db.ChildProtectionEnquiries.Where(e => childIds.Contains(e.ChildId) && e.ChairId != null && e.ConferenceHeldOn != null)
            .Select(e => new { e.ChildId, HeldOn = e.ConferenceHeldOn!.Value, ChairId = e.ChairId!.Value }).ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ChairId)));
        return held.GroupBy(h => h.Child).ToDictionary(g => g.Key, g => g.MaxBy(h => h.On).Chair);
    }
}
