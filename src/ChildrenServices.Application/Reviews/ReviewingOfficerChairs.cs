using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Reviews;

/// <summary>
/// Who chaired each child's last review or conference: the fallback when no reviewing officer is allocated
/// (children reviewed before allocation existed). The latest of the last looked-after review, the last child
/// protection review conference and the initial child protection conference wins (on the same day, in that order).
/// </summary>
internal static class ReviewingOfficerChairs
{
    public static async Task<Dictionary<Guid, Guid>> LastChairsAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct) =>
        LastChairs(await Held(db, h => childIds.Contains(h.ChildId)).ToListAsync(ct));

    /// <summary>The last chair of each child, from <see cref="Held"/>'s rows.</summary>
    public static Dictionary<Guid, Guid> LastChairs(IEnumerable<HeldRow> held) =>
        held.Where(h => h.Source != 0).GroupBy(h => h.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.HeldOn).ThenBy(h => h.Source).First().ChairId!.Value);

    /// <summary>
    /// Every review and conference held for the children <paramref name="which"/> picks, with its chair: one statement
    /// (UNION ALL) that a caller can add rows of its own to (<see cref="HeldRow.Source"/> 0).
    /// </summary>
    public static IQueryable<HeldRow> Held(IAppDbContext db, Expression<Func<HeldRow, bool>> which) =>
        db.PeriodsOfCare.SelectMany(p => p.Reviews, (p, r) => new HeldRow { Source = 1, ChildId = p.ChildId, HeldOn = r.HeldOn, ChairId = r.ReviewingOfficerId }).Where(which)
            .Concat(db.ChildProtectionPlans.SelectMany(p => p.Reviews, (p, r) => new HeldRow { Source = 2, ChildId = p.ChildId, HeldOn = r.HeldOn, ChairId = r.ChairId }).Where(which))
            .Concat(db.ChildProtectionEnquiries.Where(e => e.ChairId != null && e.ConferenceHeldOn != null)
                .Select(e => new HeldRow { Source = 3, ChildId = e.ChildId, HeldOn = e.ConferenceHeldOn, ChairId = e.ChairId }).Where(which));

    /// <summary>A review or conference held (<see cref="Source"/> 1 looked-after review, 2 CP review, 3 initial conference), or a caller's own row (0).</summary>
    internal sealed class HeldRow
    {
        public int Source { get; init; }

        public Guid ChildId { get; init; }

        public DateOnly? HeldOn { get; init; }

        public Guid? ChairId { get; init; }
    }
}
