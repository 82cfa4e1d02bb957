using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>An early help request as the manager allocating it sees it, with each team member's caseload.</summary>
public static class GetEpisodeRequest
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid RequestId) : IQuery<Result>;

    public sealed record Result(Guid Id, DateOnly RequestedOn, string TeamName, string Children, string Reason, IReadOnlyList<Worker> Keyworkers);

    public sealed record Worker(Guid Id, string Name, int Caseload);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var seen = access.Sees<EarlyHelpRequestChild>(c => c.ChildId);
            var r = await db.EarlyHelpRequests.AsNoTracking().Include(x => x.Children)
                .Where(x => x.Id == query.RequestId && x.Status == EarlyHelpRequestStatus.Pending && x.Children.AsQueryable().All(seen))
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Page not found");
            var childIds = r.Children.Select(c => c.ChildId).ToList();
            var names = await db.People.Where(p => childIds.Contains(p.Id)).Select(p => p.GivenNames + " " + p.FamilyName).ToListAsync(cancellationToken);
            var team = await db.Teams.AsNoTracking().Include(t => t.Members).SingleAsync(t => t.Id == r.TeamId, cancellationToken);
            var memberIds = team.Members.Select(m => m.UserId).ToList();
            var workers = await db.Staff.Where(s => memberIds.Contains(s.Id) && s.Id != team.ManagerId)
                .Select(s => new Worker(s.Id, s.DisplayName, db.Allocations.Count(a => a.WorkerId == s.Id && a.EndedOn == null)))
                .ToListAsync(cancellationToken);
            return new Result(r.Id, r.RequestedOn, team.Name, string.Join(", ", names), r.Reason, workers.OrderBy(w => w.Caseload).ThenBy(w => w.Name).ToList());
        }
    }
}
