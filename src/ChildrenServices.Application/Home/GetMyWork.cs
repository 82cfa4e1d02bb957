using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
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

    /// <summary>
    /// The children I hold, each with the team of the allocation. My work is the page every practitioner opens first and
    /// most often, so its reads are compiled once (<c>EF.CompileAsyncQuery</c>) rather than prepared by EF Core on every
    /// request; the user is their parameter, and the visibility rule is the one in <see cref="RecordAccess"/>.
    /// </summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, IAsyncEnumerable<CaseRow>>> Cases = new(() => EF.CompileAsyncQuery(RecordAccess.Expand(
        (DbContext db, Guid me) => db.Set<Allocation>().Where(a => a.WorkerId == me && a.EndedOn == null)
            .Join(db.Set<Person>().Where(p => RecordAccess.IsVisibleTo(p, me)), a => a.ChildId, p => p.Id, (a, p) => new { a, p })
            .Join(db.Set<Team>(), x => x.a.TeamId, t => t.Id, (x, t) => new CaseRow(
                x.p.Id, x.p.GivenNames + " " + x.p.FamilyName, x.p.DateOfBirth, x.p.ExpectedDateOfBirth, x.a.Role, t.Name, x.a.StartedOn, x.p.Restriction != null)))));

    /// <summary>The records I opened lately (each once, at its latest opening), of people I may still see.</summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, IAsyncEnumerable<RecentRow>>> RecentViews = new(() => EF.CompileAsyncQuery(RecordAccess.Expand(
        (DbContext db, Guid me) => db.Set<AuditEntry>()
            .Where(e => e.UserId == me && (e.Action == nameof(People.GetPersonRecord) || e.Action == nameof(People.GetRecordHeader)) && e.PersonId != null)
            .GroupBy(e => e.PersonId)
            .Select(g => new { PersonId = g.Key!.Value, Last = g.Max(e => e.OccurredAtUtc) })
            .OrderByDescending(x => x.Last)
            .Take(RecentLimit)
            .Join(db.Set<Person>().Where(p => RecordAccess.IsVisibleTo(p, me)), x => x.PersonId, p => p.Id, (x, p) => new RecentRow(p.Id, p.GivenNames + " " + p.FamilyName, p.DateOfBirth, x.Last)))));

    /// <summary>The children recorded most lately with no open allocation, that I may see.</summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, IAsyncEnumerable<UnallocatedRow>>> Unallocated = new(() => EF.CompileAsyncQuery(RecordAccess.Expand(
        (DbContext db, Guid me) => db.Set<Person>()
            .Where(p => RecordAccess.IsVisibleTo(p, me) && p.Type == PersonType.Child && !db.Set<Allocation>().Any(a => a.ChildId == p.Id && a.EndedOn == null))
            .OrderByDescending(p => p.CreatedAtUtc)
            .Take(UnallocatedLimit)
            .Select(p => new UnallocatedRow(p.Id, p.GivenNames + " " + p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.CreatedAtUtc)))));

    public const int UnallocatedLimit = 25;

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            if (!user.HasPermission(Permission.ViewChildRecord))
            {
                return new Result([], [], [], false);
            }

            var context = (DbContext)db;
            var cases = await Cases.For(context)(context, me).ToListAsync(cancellationToken);
            var recentViews = await RecentViews.For(context)(context, me).ToListAsync(cancellationToken);
            var showsUnallocated = user.IsInRole(Roles.FrontDoorPractitioner) || user.IsInRole(Roles.TeamManager);
            var unallocated = showsUnallocated ? await Unallocated.For(context)(context, me).ToListAsync(cancellationToken) : [];

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
