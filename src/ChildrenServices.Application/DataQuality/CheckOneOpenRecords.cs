using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.DataQuality;

/// <summary>
/// The data check behind the "only one open at a time" rules: children with more than one open referral (CIN rule
/// 8815), child in need plan, child protection plan, period of care or lead worker. This build's indexes refuse a
/// second one, but a database migrated from another system, or made before a rule's index, can hold them: they are
/// reported (how many, and each child's local ID) for a person to put right, never merged or closed by the system.
/// </summary>
public static class CheckOneOpenRecords
{
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query : IQuery<IReadOnlyList<Check>>;

    /// <param name="Rule">The DfE rule it protects, where there is one.</param>
    public sealed record Check(string Name, string? Rule, IReadOnlyList<Finding> Findings);

    /// <summary>A child with <paramref name="Open"/> open records of the kind (never a name).</summary>
    public sealed record Finding(Guid ChildId, string? LocalId, int Open);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Check>>
    {
        public async ValueTask<IReadOnlyList<Check>> Handle(Query query, CancellationToken cancellationToken) =>
            await RunAsync(db, cancellationToken);
    }

    /// <summary>Every check, each one statement; also run at start-up, where only the counts are logged.</summary>
    public static async Task<IReadOnlyList<Check>> RunAsync(IAppDbContext db, CancellationToken ct)
    {
        var referrals = await Over(db, db.Referrals.Where(r => r.Status == ReferralStatus.Open), r => r.ChildId, ct);
        var cinPlans = await Over(db, db.ChildInNeedPlans.Where(p => p.EndedOn == null), p => p.ChildId, ct);
        var cpPlans = await Over(db, db.ChildProtectionPlans.Where(p => p.EndedOn == null), p => p.ChildId, ct);
        var care = await Over(db, db.PeriodsOfCare.Where(p => p.EndedOn == null), p => p.ChildId, ct);
        var leads = await Over(db, db.Allocations.Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead), a => a.ChildId, ct);
        return
        [
            new("More than one open referral (episode of need)", "CIN 8815", referrals),
            new("More than one open child in need plan", "CIN 4004", cinPlans),
            new("More than one open child protection plan", "CIN 8935", cpPlans),
            new("More than one open period of care", null, care),
            new("More than one lead worker", null, leads),
        ];
    }

    /// <summary>Children with more than one of the rows; their local IDs in a second statement only when there are any.</summary>
    private static async Task<List<Finding>> Over<T>(IAppDbContext db, IQueryable<T> open, System.Linq.Expressions.Expression<Func<T, Guid>> child, CancellationToken ct)
    {
        var counts = await open.GroupBy(child).Where(g => g.Count() > 1).Select(g => new { Id = g.Key, Open = g.Count() }).OrderBy(g => g.Id).Take(500).ToListAsync(ct);
        if (counts.Count == 0)
        {
            return [];
        }

        var ids = counts.Select(c => c.Id).ToList();
        var localIds = await db.People.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.LocalId }).ToDictionaryAsync(p => p.Id, p => p.LocalId, ct);
        return [.. counts.Select(c => new Finding(c.Id, localIds.GetValueOrDefault(c.Id), c.Open)).OrderBy(f => f.LocalId, StringComparer.Ordinal)];
    }
}
