using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// One worker's caseload in the teams the manager runs, for the drill-down from "My teams": each child with
/// where they are in the service, their next statutory deadline (the worktray's rules, ADR 0013), the last time a
/// worker saw them, and their household so a sibling group can be moved together. Early help caseloads count
/// the families (episodes) the worker keyworks as well as the children.
/// </summary>
public static class GetWorkerCaseload
{
    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query(Guid WorkerId) : IQuery<Result>;

    /// <param name="Restricted">Children in the caseload on records the manager may not see: counted, never named.</param>
    /// <param name="Families">Open early help episodes the worker keyworks.</param>
    public sealed record Result(
        Guid WorkerId, string WorkerName, string? JobTitle, IReadOnlyList<TeamLoad> Teams, IReadOnlyList<ChildRow> Children, int Restricted, int Families)
    {
        public int LeadCases => Children.Count(c => c.Role == AllocationRole.Lead) + Restricted;
    }

    public sealed record TeamLoad(Guid TeamId, string Name, int Capacity);

    public sealed record ChildRow(
        Guid ChildId, string Name, DateOnly? DateOfBirth, AllocationRole Role, Guid TeamId, DateOnly Since, string Status,
        Timescales.DueRow? NextDeadline, DateOnly? LastSeen, Guid? HouseholdId, string? HouseholdName);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, Timescales.StatutoryDueWork due) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var teams = await db.Teams.Where(t => t.ManagerId == me && t.Members.Any(m => m.UserId == query.WorkerId))
                .OrderBy(t => t.Name).Select(t => new TeamLoad(t.Id, t.Name, t.CaseloadCapacityPerWorker)).ToListAsync(cancellationToken);
            var worker = await db.Staff.Where(s => s.Id == query.WorkerId).Select(s => new { s.DisplayName, s.JobTitle }).SingleOrDefaultAsync(cancellationToken);
            if (teams.Count == 0 || worker is null)
            {
                // Not a worker in a team this manager runs: as if there were no such page.
                throw new NotFoundException("Page not found");
            }

            var teamIds = teams.Select(t => t.TeamId).ToList();
            var allocations = await db.Allocations.Where(a => a.WorkerId == query.WorkerId && a.EndedOn == null && teamIds.Contains(a.TeamId))
                .Select(a => new { a.ChildId, a.Role, a.TeamId, a.StartedOn }).ToListAsync(cancellationToken);
            var visible = access.VisibleIds();
            var allIds = allocations.Select(a => a.ChildId).Distinct().ToList();
            var seen = await visible.Where(id => allIds.Contains(id)).ToListAsync(cancellationToken);
            var restricted = allocations.Count(a => a.Role == AllocationRole.Lead && !seen.Contains(a.ChildId));
            var ids = allIds.Where(seen.Contains).ToList();

            var people = await db.People.Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName, p.DateOfBirth })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var households = (await db.Households
                .SelectMany(h => h.Members.Where(m => m.LeftOn == null && ids.Contains(m.PersonId)), (h, m) => new { m.PersonId, h.Id, h.Name })
                .ToListAsync(cancellationToken))
                .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.First());

            var looked = await db.PeriodsOfCare.Where(p => ids.Contains(p.ChildId) && p.EndedOn == null).Select(p => p.ChildId).ToListAsync(cancellationToken);
            var cp = await db.ChildProtectionPlans.Where(p => ids.Contains(p.ChildId) && p.EndedOn == null).Select(p => p.ChildId).ToListAsync(cancellationToken);
            var cin = await db.ChildInNeedPlans.Where(p => ids.Contains(p.ChildId) && p.EndedOn == null).Select(p => p.ChildId).ToListAsync(cancellationToken);
            var referred = await db.Referrals.Where(r => ids.Contains(r.ChildId) && r.Status == ReferralStatus.Open).Select(r => r.ChildId).ToListAsync(cancellationToken);
            var earlyHelp = await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null).SelectMany(e => e.Children).Where(c => ids.Contains(c.ChildId))
                .Select(c => c.ChildId).ToListAsync(cancellationToken);

            // Last seen: the latest statutory visit in which the child was seen, or case note recording them seen.
            var lastSeen = new Dictionary<Guid, DateOnly>();
            void Seen(IEnumerable<(Guid Child, DateOnly On)> dates)
            {
                foreach (var (child, on) in dates)
                {
                    if (!lastSeen.TryGetValue(child, out var was) || on > was)
                    {
                        lastSeen[child] = on;
                    }
                }
            }

            Seen((await db.PeriodsOfCare.Where(p => ids.Contains(p.ChildId)).SelectMany(p => p.Visits.Where(v => v.ChildSeen), (p, v) => new { p.ChildId, v.VisitedOn })
                .ToListAsync(cancellationToken)).Select(x => (x.ChildId, x.VisitedOn)));
            Seen((await db.ChildProtectionPlans.Where(p => ids.Contains(p.ChildId)).SelectMany(p => p.Visits.Where(v => v.ChildSeen), (p, v) => new { p.ChildId, v.VisitedOn })
                .ToListAsync(cancellationToken)).Select(x => (x.ChildId, x.VisitedOn)));
            Seen((await db.ChildInNeedPlans.Where(p => ids.Contains(p.ChildId)).SelectMany(p => p.Visits.Where(v => v.ChildSeen), (p, v) => new { p.ChildId, v.VisitedOn })
                .ToListAsync(cancellationToken)).Select(x => (x.ChildId, x.VisitedOn)));
            Seen((await db.CaseNotes.Where(n => ids.Contains(n.ChildId) && n.ChildSeen).GroupBy(n => n.ChildId).Select(g => new { g.Key, On = g.Max(n => n.OccurredOn) })
                .ToListAsync(cancellationToken)).Select(x => (x.Key, x.On)));

            var deadlines = (await due.ForLeadsAsync(a => a.WorkerId == query.WorkerId && teamIds.Contains(a.TeamId), cancellationToken))
                .GroupBy(d => d.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueOn).First());

            string StatusOf(Guid id) =>
                looked.Contains(id) ? "Looked after"
                : cp.Contains(id) ? "Child protection plan"
                : cin.Contains(id) ? "Child in need plan"
                : referred.Contains(id) ? "Referral and assessment"
                : earlyHelp.Contains(id) ? "Early help"
                : "Open case";

            var rows = allocations.Where(a => seen.Contains(a.ChildId))
                .Select(a => new ChildRow(
                    a.ChildId, people[a.ChildId].Name, people[a.ChildId].DateOfBirth, a.Role, a.TeamId, a.StartedOn, StatusOf(a.ChildId),
                    deadlines.GetValueOrDefault(a.ChildId), lastSeen.TryGetValue(a.ChildId, out var s) ? s : null,
                    households.GetValueOrDefault(a.ChildId)?.Id, households.GetValueOrDefault(a.ChildId)?.Name))
                .OrderBy(r => r.HouseholdName ?? r.Name).ThenBy(r => r.HouseholdId).ThenBy(r => r.Name)
                .ToList();

            var families = await db.EarlyHelpEpisodes.CountAsync(e => e.KeyworkerId == query.WorkerId && e.EndedOn == null && teamIds.Contains(e.TeamId), cancellationToken);
            return new Result(query.WorkerId, worker.DisplayName, worker.JobTitle, teams, rows, restricted, families);
        }
    }
}
