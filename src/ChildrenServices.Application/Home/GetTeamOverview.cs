using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>A manager's teams at a glance: each worker's caseload against the team's capacity.</summary>
public static class GetTeamOverview
{
    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query : IQuery<IReadOnlyList<TeamRow>>;

    public sealed record TeamRow(Guid Id, string Name, TeamKind Kind, int CapacityPerWorker, IReadOnlyList<WorkerRow> Workers)
    {
        public int TotalCases => Workers.Sum(w => w.LeadCases);
    }

    /// <param name="Families">Open early help episodes the worker keyworks: an early help caseload is counted in families as well as children.</param>
    public sealed record WorkerRow(Guid Id, string Name, string? JobTitle, int LeadCases, int CoWorkedCases, bool IsManager, int Families = 0)
    {
        public int Caseload => LeadCases + CoWorkedCases;
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<TeamRow>>
    {
        public async ValueTask<IReadOnlyList<TeamRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var teams = await db.Teams.Where(t => t.ManagerId == me).OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Kind, t.CaseloadCapacityPerWorker, t.ManagerId })
                .ToListAsync(cancellationToken);
            var teamIds = teams.Select(t => t.Id).ToList();

            var members = await db.Teams.Where(t => teamIds.Contains(t.Id))
                .SelectMany(t => t.Members, (t, m) => new { TeamId = t.Id, m.UserId })
                .Join(db.Staff, x => x.UserId, s => s.Id, (x, s) => new { x.TeamId, s.Id, s.DisplayName, s.JobTitle, s.IsDisabled })
                .ToListAsync(cancellationToken);

            // Counts include restricted children: a caseload is a caseload, and no child is named here.
            var counts = await db.Allocations.Where(a => teamIds.Contains(a.TeamId) && a.EndedOn == null)
                .GroupBy(a => new { a.TeamId, a.WorkerId, a.Role })
                .Select(g => new { g.Key.TeamId, g.Key.WorkerId, g.Key.Role, Count = g.Count() })
                .ToListAsync(cancellationToken);

            var memberIds = members.Select(m => m.Id).Distinct().ToList();
            var families = await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && teamIds.Contains(e.TeamId) && memberIds.Contains(e.KeyworkerId))
                .GroupBy(e => new { e.TeamId, e.KeyworkerId }).Select(g => new { g.Key.TeamId, g.Key.KeyworkerId, Count = g.Count() })
                .ToListAsync(cancellationToken);

            int CountOf(Guid team, Guid worker, AllocationRole role) =>
                counts.Where(c => c.TeamId == team && c.WorkerId == worker && c.Role == role).Sum(c => c.Count);

            return [.. teams.Select(t => new TeamRow(t.Id, t.Name, t.Kind, t.CaseloadCapacityPerWorker,
                [.. members.Where(m => m.TeamId == t.Id && !m.IsDisabled)
                    .Select(m => new WorkerRow(m.Id, m.DisplayName, m.JobTitle, CountOf(t.Id, m.Id, AllocationRole.Lead), CountOf(t.Id, m.Id, AllocationRole.CoWorker), m.Id == t.ManagerId,
                        families.Where(f => f.TeamId == t.Id && f.KeyworkerId == m.Id).Sum(f => f.Count)))
                    .OrderByDescending(w => w.Caseload).ThenBy(w => w.Name)]))];
        }
    }
}
