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
    /// <summary>
    /// A child's status on the caseload, most intensive first: the workload's kinds (looked after, child protection, child
    /// in need, being assessed), then early help, then a case with nothing else open (the workload's "other").
    /// </summary>
    public static IReadOnlyList<string> Statuses { get; } = [LookedAfter, ProtectionPlan, ChildInNeedPlan, Assessment, EarlyHelp, OpenCase];

    public const string LookedAfter = "Looked after";

    public const string ProtectionPlan = "Child protection plan";

    public const string ChildInNeedPlan = "Child in need plan";

    public const string Assessment = "Referral and assessment";

    public const string EarlyHelp = "Early help";

    /// <summary>A case with nothing else open: the workload's "other".</summary>
    public const string OpenCase = "Open case";

    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query(Guid WorkerId) : IQuery<Result>;

    /// <param name="Restricted">Children in the caseload on records the manager may not see: counted, never named.</param>
    /// <param name="Families">Open early help episodes the worker keyworks.</param>
    /// <param name="Overdue">Every statutory item past its due date on the children the worker leads in these teams that the manager may see, oldest first.</param>
    public sealed record Result(
        Guid WorkerId, string WorkerName, string? JobTitle, IReadOnlyList<TeamLoad> Teams, IReadOnlyList<ChildRow> Children, int Restricted, int Families,
        IReadOnlyList<Timescales.DueRow> Overdue)
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
            var allIds = allocations.Select(a => a.ChildId).Distinct().ToList();

            // One statement for the children the manager may see: name, household, what is open and when each
            // was last seen (the latest statutory visit in which the child was seen, or case note recording them
            // seen), projected in SQL rather than read table by table.
            var children = await access.Visible(db.People).AsNoTracking().Where(p => allIds.Contains(p.Id))
                .Select(p => new
                {
                    p.Id,
                    Name = p.GivenNames + " " + p.FamilyName,
                    p.DateOfBirth,
                    HouseholdId = db.Households.Where(h => h.Members.Any(m => m.PersonId == p.Id && m.LeftOn == null)).OrderBy(h => h.Id).Select(h => (Guid?)h.Id).FirstOrDefault(),
                    HouseholdName = db.Households.Where(h => h.Members.Any(m => m.PersonId == p.Id && m.LeftOn == null)).OrderBy(h => h.Id).Select(h => h.Name).FirstOrDefault(),
                    Looked = db.PeriodsOfCare.Any(c => c.ChildId == p.Id && c.EndedOn == null),
                    Protection = db.ChildProtectionPlans.Any(c => c.ChildId == p.Id && c.EndedOn == null),
                    ChildInNeed = db.ChildInNeedPlans.Any(c => c.ChildId == p.Id && c.EndedOn == null),
                    Referred = db.Referrals.Any(r => r.ChildId == p.Id && r.Status == ReferralStatus.Open),
                    EarlyHelp = db.EarlyHelpEpisodes.Where(e => e.EndedOn == null).SelectMany(e => e.Children).Any(c => c.ChildId == p.Id),
                    SeenInCare = db.PeriodsOfCare.Where(c => c.ChildId == p.Id).SelectMany(c => c.Visits).Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                    SeenOnProtectionPlan = db.ChildProtectionPlans.Where(c => c.ChildId == p.Id).SelectMany(c => c.Visits).Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                    SeenOnChildInNeedPlan = db.ChildInNeedPlans.Where(c => c.ChildId == p.Id).SelectMany(c => c.Visits).Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                    SeenInNotes = db.CaseNotes.Where(n => n.ChildId == p.Id && n.ChildSeen).Max(n => (DateOnly?)n.OccurredOn),
                })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var restricted = allocations.Count(a => a.Role == AllocationRole.Lead && !children.ContainsKey(a.ChildId));

            var dueWork = await due.ForLeadsAsync(a => a.WorkerId == query.WorkerId && teamIds.Contains(a.TeamId), cancellationToken);
            var deadlines = dueWork.GroupBy(d => d.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueOn).First());

            string StatusOf(Guid id) => children[id] switch
            {
                { Looked: true } => LookedAfter,
                { Protection: true } => ProtectionPlan,
                { ChildInNeed: true } => ChildInNeedPlan,
                { Referred: true } => Assessment,
                { EarlyHelp: true } => EarlyHelp,
                _ => OpenCase,
            };

            DateOnly? LastSeen(Guid id) =>
                new[] { children[id].SeenInCare, children[id].SeenOnProtectionPlan, children[id].SeenOnChildInNeedPlan, children[id].SeenInNotes }.Max();

            var rows = allocations.Where(a => children.ContainsKey(a.ChildId))
                .Select(a => new ChildRow(
                    a.ChildId, children[a.ChildId].Name, children[a.ChildId].DateOfBirth, a.Role, a.TeamId, a.StartedOn, StatusOf(a.ChildId),
                    deadlines.GetValueOrDefault(a.ChildId), LastSeen(a.ChildId),
                    children[a.ChildId].HouseholdId, children[a.ChildId].HouseholdName))
                .OrderBy(r => r.HouseholdName ?? r.Name).ThenBy(r => r.HouseholdId).ThenBy(r => r.Name)
                .ToList();

            var families = await db.EarlyHelpEpisodes.CountAsync(e => e.KeyworkerId == query.WorkerId && e.EndedOn == null && teamIds.Contains(e.TeamId), cancellationToken);
            return new Result(query.WorkerId, worker.DisplayName, worker.JobTitle, teams, rows, restricted, families,
                [.. dueWork.Where(d => d.Status == Domain.Timescales.RagStatus.Red).OrderBy(d => d.DueOn).ThenBy(d => d.ChildName)]);
        }
    }
}
