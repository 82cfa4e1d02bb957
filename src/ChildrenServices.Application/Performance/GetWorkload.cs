using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// Workload across the service: for each team and worker, the children they lead by the most intensive thing open for
/// each (looked after, child protection plan, child in need plan, open referral, other), early help families, and the
/// caseload weighted by the council's points (<see cref="CaseWeighting"/>) beside the number of cases and the team's
/// capacity, and the statutory work overdue on the children each leads (the worktray's red items). Counts include every
/// child; no child is named.
/// </summary>
public static class GetWorkload
{
    /// <param name="TeamId">The team whose workers' overdue work is counted; with none, the teams the user manages.</param>
    /// <param name="Everything">Every team's overdue work (for a download): the worktrays' due work for every child led in the council.</param>
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query(Guid? TeamId = null, bool Everything = false) : IQuery<Result>;

    public sealed record Result(CaseWeighting Weights, IReadOnlyList<TeamRow> Teams);

    /// <param name="ManagedByMe">The user manages the team, so may open each worker's caseload.</param>
    /// <param name="OverdueCounted">The team's overdue work was counted (<see cref="Query"/>): otherwise its workers' Overdue is 0 and not shown.</param>
    public sealed record TeamRow(Guid Id, string Name, TeamKind Kind, int CapacityPerWorker, bool ManagedByMe, IReadOnlyList<WorkerRow> Workers, bool OverdueCounted = true)
    {
        public int Cases => Workers.Sum(w => w.Cases);

        public int Weighted => Workers.Sum(w => w.Weighted);

        public int Overdue => Workers.Sum(w => w.Overdue);
    }

    /// <param name="Cases">Children led, plus early help families with no child led: what the team's capacity is counted in.</param>
    /// <param name="Overdue">Statutory work past its due date on the children the worker leads in the team: assessments, strategy discussions, conferences, reviews and visits.</param>
    public sealed record WorkerRow(Guid Id, string Name, int LookedAfter, int ChildProtection, int ChildInNeed, int Assessment, int Other, int Families, int Weighted, int Overdue)
    {
        public int Children => LookedAfter + ChildProtection + ChildInNeed + Assessment + Other;

        public int Cases => Children + Families;
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, Timescales.StatutoryDueWork due) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.UserId;
            var weights = (await db.CaseWeightSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CaseWeightSettings.SingletonId, cancellationToken))?.ToWeighting()
                ?? CaseWeighting.Defaults;
            var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Kind, t.CaseloadCapacityPerWorker, t.ManagerId })
                .ToListAsync(cancellationToken);
            var members = await db.Teams.AsNoTracking()
                .SelectMany(t => t.Members, (t, m) => new { TeamId = t.Id, m.UserId })
                .Join(db.Staff.Where(s => !s.IsDisabled), x => x.UserId, s => s.Id, (x, s) => new { x.TeamId, s.Id, s.DisplayName })
                .ToListAsync(cancellationToken);

            // What is open for each child, as (child, kind) rows from one UNION ALL read set-wise (a correlated check per
            // allocation took seconds at 100,000 children); each child led is then classed by the most intensive kind.
            var open = await db.PeriodsOfCare.AsNoTracking().Where(p => p.EndedOn == null).Select(p => new OpenFor { ChildId = p.ChildId, Kind = 1 })
                .Concat(db.ChildProtectionPlans.AsNoTracking().Where(p => p.EndedOn == null).Select(p => new OpenFor { ChildId = p.ChildId, Kind = 2 }))
                .Concat(db.ChildInNeedPlans.AsNoTracking().Where(p => p.EndedOn == null).Select(p => new OpenFor { ChildId = p.ChildId, Kind = 3 }))
                .Concat(db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Open).Select(r => new OpenFor { ChildId = r.ChildId, Kind = 4 }))
                .Concat(db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.EndedOn == null).SelectMany(e => e.Children, (e, c) => new OpenFor { ChildId = c.ChildId, Kind = 6 }))
                .ToListAsync(cancellationToken);
            var kindOf = new Dictionary<Guid, int>();
            foreach (var o in open)
            {
                // 1 looked after, 2 child protection, 3 child in need, 4 open referral, 6 early help only: the lowest wins.
                kindOf[o.ChildId] = kindOf.TryGetValue(o.ChildId, out var k) ? Math.Min(k, o.Kind) : o.Kind;
            }

            var leads = await db.Allocations.AsNoTracking()
                .Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead)
                .Select(a => new { a.TeamId, a.WorkerId, a.ChildId })
                .ToListAsync(cancellationToken);
            var led = leads.GroupBy(a => new { a.TeamId, a.WorkerId, Kind = kindOf.GetValueOrDefault(a.ChildId, 5) })
                .Select(g => new { g.Key.TeamId, g.Key.WorkerId, g.Key.Kind, Count = g.Count() })
                .ToList();
            // The worktrays' due work for the leads in the teams asked about, restricted children included (counted, never
            // named), in one statement: every lead in the council only for a download (about 400 ms at 100,000 children).
            var teamOf = leads.ToDictionary(a => a.ChildId, a => a.TeamId);
            var counted = query.Everything ? teams.Select(t => t.Id).ToHashSet()
                : query.TeamId is { } chosen ? [chosen]
                : teams.Where(t => me is not null && t.ManagerId == me).Select(t => t.Id).ToHashSet();
            var overdue = (counted.Count == 0 ? [] : await due.ForLeadsAsync(a => counted.Contains(a.TeamId), cancellationToken, everyChild: true))
                .Where(d => d.Status == Domain.Timescales.RagStatus.Red)
                .GroupBy(d => (Team: teamOf.GetValueOrDefault(d.ChildId), d.WorkerId))
                .ToDictionary(g => g.Key, g => g.Count());
            var families = await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.EndedOn == null)
                .GroupBy(e => new { e.TeamId, e.KeyworkerId }).Select(g => new { g.Key.TeamId, g.Key.KeyworkerId, Count = g.Count() })
                .ToListAsync(cancellationToken);

            // Looked up by worker, not searched for each of several hundred workers.
            var ledBy = led.ToDictionary(l => (l.TeamId, l.WorkerId, l.Kind), l => l.Count);
            var familiesOf = families.ToDictionary(f => (f.TeamId, f.KeyworkerId), f => f.Count);

            WorkerRow Row(Guid team, Guid worker, string name)
            {
                int Of(int kind) => ledBy.GetValueOrDefault((team, worker, kind));
                var (lac, cp, cin, assessment, other) = (Of(1), Of(2), Of(3), Of(4), Of(5));
                var familyCount = familiesOf.GetValueOrDefault((team, worker));
                // A child in early help only is weighed in their family (kind 6), not again on their own.
                var weighted = (lac * weights.LookedAfter) + (cp * weights.ChildProtection) + (cin * weights.ChildInNeed) + (assessment * weights.Assessment)
                    + (other * weights.Other) + (familyCount * weights.EarlyHelpFamily);
                return new WorkerRow(worker, name, lac, cp, cin, assessment, other, familyCount, weighted, overdue.GetValueOrDefault((team, worker)));
            }

            return new Result(weights,
            [
                .. teams.Select(t => new TeamRow(t.Id, t.Name, t.Kind, t.CaseloadCapacityPerWorker, me is not null && t.ManagerId == me,
                    // The team's manager is listed (and counted against capacity) only when they hold cases themselves.
                    [.. members.Where(m => m.TeamId == t.Id).Select(m => Row(t.Id, m.Id, m.DisplayName)).Where(w => w.Id != t.ManagerId || w.Cases > 0)
                        .OrderByDescending(w => w.Weighted).ThenBy(w => w.Name)],
                    counted.Contains(t.Id))),
            ]);
        }
    }

    private sealed class OpenFor
    {
        public Guid ChildId { get; init; }

        public int Kind { get; init; }
    }
}
