using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// A practitioner's home: the children they hold, the records they opened lately and, at the front
/// door, the children recorded but not yet allocated to anyone.
/// </summary>
public static class GetMyWork
{
    public const int RecentLimit = 10;

    [AllowAnySignedInUser]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<CaseRow> MyCases, IReadOnlyList<RecentRow> RecentlyViewed, IReadOnlyList<UnallocatedRow> Unallocated, bool ShowsUnallocated);

    public sealed record CaseRow(Guid PersonId, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, AllocationRole Role, string TeamName, DateOnly Since, bool IsRestricted);

    public sealed record RecentRow(Guid PersonId, string Name, DateOnly? DateOfBirth, DateTime ViewedAtUtc);

    public sealed record UnallocatedRow(Guid PersonId, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, DateTime RecordedAtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            if (!user.HasPermission(Permission.ViewChildRecord))
            {
                return new Result([], [], [], false);
            }

            var visible = access.Visible(db.People);

            var cases = await db.Allocations.Where(a => a.WorkerId == me && a.EndedOn == null)
                .Join(visible, a => a.ChildId, p => p.Id, (a, p) => new { a, p })
                .Join(db.Teams, x => x.a.TeamId, t => t.Id, (x, t) => new CaseRow(
                    x.p.Id, x.p.GivenNames + " " + x.p.FamilyName, x.p.DateOfBirth, x.p.ExpectedDateOfBirth, x.a.Role, t.Name, x.a.StartedOn, x.p.Restriction != null))
                .ToListAsync(cancellationToken);

            var recentViews = await db.AuditEntries
                .Where(e => e.UserId == me && (e.Action == nameof(People.GetPersonRecord) || e.Action == nameof(People.GetRecordHeader)) && e.PersonId != null)
                .GroupBy(e => e.PersonId)
                .Select(g => new { PersonId = g.Key!.Value, Last = g.Max(e => e.OccurredAtUtc) })
                .OrderByDescending(x => x.Last)
                .Take(RecentLimit)
                .Join(visible, x => x.PersonId, p => p.Id, (x, p) => new RecentRow(p.Id, p.GivenNames + " " + p.FamilyName, p.DateOfBirth, x.Last))
                .ToListAsync(cancellationToken);

            var showsUnallocated = user.IsInRole(Roles.FrontDoorPractitioner) || user.IsInRole(Roles.TeamManager);
            var unallocated = showsUnallocated
                ? await visible
                    .Where(p => p.Type == PersonType.Child && !db.Allocations.Any(a => a.ChildId == p.Id && a.EndedOn == null))
                    .OrderByDescending(p => p.CreatedAtUtc)
                    .Take(25)
                    .Select(p => new UnallocatedRow(p.Id, p.GivenNames + " " + p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.CreatedAtUtc))
                    .ToListAsync(cancellationToken)
                : [];

            return new Result(
                // One row a child: a worker with two open allocations for the same child (co-working in two
                // teams, say) holds the child once, in their most senior role.
                [.. cases.GroupBy(c => c.PersonId).Select(g => g.OrderBy(c => c.Role).ThenBy(c => c.Since).First()).OrderBy(c => c.Role).ThenBy(c => c.Name)],
                [.. recentViews.OrderByDescending(r => r.ViewedAtUtc)],
                unallocated,
                showsUnallocated);
        }
    }
}
