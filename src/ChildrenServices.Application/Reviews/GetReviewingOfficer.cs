using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Reviews;

/// <summary>
/// The child's reviewing officer as the allocation page shows it, and the officers a manager can choose from
/// with how many children each reviews now.
/// </summary>
public static class GetReviewingOfficer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Result(string ChildName, Current? Officer, string? LastChair, IReadOnlyList<Option> Options);

    public sealed record Current(Guid OfficerId, string Name, DateOnly Since);

    public sealed record Option(Guid Id, string Name, int Children);

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var child = await db.People.Where(p => p.Id == query.PersonId && p.Type == PersonType.Child)
                .Select(p => p.GivenNames + " " + p.FamilyName).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var current = await db.ReviewingOfficerAllocations.Where(a => a.ChildId == query.PersonId && a.EndedOn == null)
                .Join(db.Staff, a => a.OfficerId, s => s.Id, (a, s) => new Current(s.Id, s.DisplayName, a.StartedOn))
                .FirstOrDefaultAsync(cancellationToken);
            var lastChair = await ReviewingOfficerChairs.LastChairsAsync(db, [query.PersonId], cancellationToken);
            var chairName = lastChair.TryGetValue(query.PersonId, out var chairId)
                ? await db.Staff.Where(s => s.Id == chairId).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken)
                : null;

            var officers = await accounts.UsersInRolesAsync([Roles.ReviewingOfficer], cancellationToken);
            var counts = await db.ReviewingOfficerAllocations.Where(a => a.EndedOn == null && officers.Contains(a.OfficerId))
                .GroupBy(a => a.OfficerId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var options = await db.Staff.Where(s => officers.Contains(s.Id) && !s.IsDisabled).OrderBy(s => s.DisplayName)
                .Select(s => new { s.Id, s.DisplayName }).ToListAsync(cancellationToken);
            return new Result(child, current, chairName, [.. options.Select(o => new Option(o.Id, o.DisplayName, counts.GetValueOrDefault(o.Id)))]);
        }
    }
}
