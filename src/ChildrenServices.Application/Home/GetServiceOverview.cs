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
            var children = db.People.Where(p => p.Type == PersonType.Child && p.DateOfDeath == null);
            var childCount = await children.CountAsync(cancellationToken);
            var unborn = await children.CountAsync(p => p.DateOfBirth == null && p.ExpectedDateOfBirth != null, cancellationToken);
            var adults = await db.People.CountAsync(p => p.Type == PersonType.Adult, cancellationToken);
            var allocated = await children.CountAsync(p => db.Allocations.Any(a => a.ChildId == p.Id && a.EndedOn == null), cancellationToken);

            var teams = await db.Teams.OrderBy(t => t.Kind).ThenBy(t => t.Name)
                .Select(t => new TeamLoad(
                    t.Name, t.Kind, t.Members.Count(m => m.UserId != t.ManagerId),
                    db.Allocations.Count(a => a.TeamId == t.Id && a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead),
                    t.CaseloadCapacityPerWorker))
                .ToListAsync(cancellationToken);

            var fiveYearsAgo = today.AddYears(-5);
            var schoolAge = children.Where(p => p.DateOfBirth != null && p.DateOfBirth <= fiveYearsAgo);
            // Every child who is not unborn, whether or not their date of birth is known yet.
            var born = children.Where(p => p.DateOfBirth != null || p.ExpectedDateOfBirth == null);
            var gaps = new List<DataGap>
            {
                new("Children whose date of birth is not known (both returns need one)",
                    await born.CountAsync(p => p.DateOfBirth == null, cancellationToken), childCount - unborn),
                new("Children with no NHS number", await born.CountAsync(p => p.NhsNumber == null, cancellationToken), childCount - unborn),
                new("Children with no ethnicity recorded", await born.CountAsync(p => p.EthnicityCode == null, cancellationToken), childCount - unborn),
                new("School-age children with no UPN and no reason it is unknown",
                    await schoolAge.CountAsync(p => p.UniquePupilNumber == null && p.UpnUnknownReason == null, cancellationToken),
                    await schoolAge.CountAsync(cancellationToken)),
                new("Children with no disability status recorded", await born.CountAsync(p => p.DisabilityCodes.Count == 0, cancellationToken), childCount - unborn),
            };

            return new Result(today, childCount, unborn, adults, allocated, childCount - allocated, teams, gaps);
        }
    }
}
