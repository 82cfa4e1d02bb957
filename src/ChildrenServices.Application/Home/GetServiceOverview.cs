using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// The performance officer's overview: headline counts and the data-quality gaps a statutory return
/// will trip over. Headline totals count every child, restricted ones included (domain.md section 8);
/// nothing here names a child.
/// </summary>
public static class GetServiceOverview
{
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(
        DateOnly AsAt,
        int Children,
        int UnbornChildren,
        int Adults,
        int ChildrenAllocated,
        int ChildrenUnallocated,
        IReadOnlyList<TeamLoad> Teams,
        IReadOnlyList<DataGap> DataQuality);

    public sealed record TeamLoad(string Name, TeamKind Kind, int Workers, int LeadCases, int Capacity)
    {
        public double AverageCaseload => Workers == 0 ? 0 : Math.Round(LeadCases / (double)Workers, 1);
    }

    public sealed record DataGap(string Description, int Count, int OutOf);

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkTime.Today(clock);
            var fiveYearsAgo = today.AddYears(-5);

            // Every headline count and data gap from one pass over the living children, whether each has an open allocation
            // included (at a large council's size, ten separate counts took most of a second; one pass over every person,
            // adults too, grouped 175,000 rows to count 100,000 children). "Born" is every child who is not unborn, date of
            // birth known or not.
            var c = await db.People.AsNoTracking()
                .Where(p => p.Type == PersonType.Child && p.DateOfDeath == null)
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Children = g.Count(),
                    Allocated = g.Count(p => db.Allocations.Any(a => a.ChildId == p.Id && a.EndedOn == null)),
                    Unborn = g.Count(p => p.DateOfBirth == null && p.ExpectedDateOfBirth != null),
                    NoDateOfBirth = g.Count(p => p.DateOfBirth == null && p.ExpectedDateOfBirth == null),
                    NoNhs = g.Count(p => (p.DateOfBirth != null || p.ExpectedDateOfBirth == null) && p.NhsNumber == null),
                    NoEthnicity = g.Count(p => (p.DateOfBirth != null || p.ExpectedDateOfBirth == null) && p.EthnicityCode == null),
                    SchoolAge = g.Count(p => p.DateOfBirth != null && p.DateOfBirth <= fiveYearsAgo),
                    SchoolAgeNoUpn = g.Count(p => p.DateOfBirth != null && p.DateOfBirth <= fiveYearsAgo && p.UniquePupilNumber == null && p.UpnUnknownReason == null),
                    NoDisability = g.Count(p => (p.DateOfBirth != null || p.ExpectedDateOfBirth == null) && p.DisabilityCodes.Count == 0),
                })
                .SingleOrDefaultAsync(cancellationToken);
            var adults = await db.People.CountAsync(p => p.Type == PersonType.Adult, cancellationToken);
            var noDisability = c?.NoDisability ?? 0;
            var allocated = c?.Allocated ?? 0;
            var (childCount, unborn) = (c?.Children ?? 0, c?.Unborn ?? 0);

            // Each team's open leads in one grouped read, not a count per team.
            var leads = await db.Allocations.Where(a => a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead)
                .GroupBy(a => a.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var teams = (await db.Teams.OrderBy(t => t.Kind).ThenBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Kind, Workers = t.Members.Count(m => m.UserId != t.ManagerId), t.CaseloadCapacityPerWorker })
                .ToListAsync(cancellationToken))
                .Select(t => new TeamLoad(t.Name, t.Kind, t.Workers, leads.GetValueOrDefault(t.Id), t.CaseloadCapacityPerWorker))
                .ToList();

            var gaps = new List<DataGap>
            {
                new("Children whose date of birth is not known (both returns need one)", c?.NoDateOfBirth ?? 0, childCount - unborn),
                new("Children with no NHS number", c?.NoNhs ?? 0, childCount - unborn),
                new("Children with no ethnicity recorded", c?.NoEthnicity ?? 0, childCount - unborn),
                new("School-age children with no UPN and no reason it is unknown", c?.SchoolAgeNoUpn ?? 0, c?.SchoolAge ?? 0),
                new("Children with no disability status recorded", noDisability, childCount - unborn),
            };

            return new Result(today, childCount, unborn, adults, allocated, childCount - allocated, teams, gaps);
        }
    }
}
