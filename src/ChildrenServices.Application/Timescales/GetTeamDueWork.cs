using ChildrenServices.Application.Security;
using Mediator;

namespace ChildrenServices.Application.Timescales;

/// <summary>A manager's view: what is due for every child a worker in their teams leads, overdue first.</summary>
public static class GetTeamDueWork
{
    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query : IQuery<IReadOnlyList<DueRow>>;

    public sealed class Handler(IAppDbContext db, ICurrentUser user, StatutoryDueWork due) : IQueryHandler<Query, IReadOnlyList<DueRow>>
    {
        public async ValueTask<IReadOnlyList<DueRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            // The manager's teams as a subquery of the due work's one statement, not a statement of their own.
            var teams = db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id);
            return await due.ForLeadsAsync(a => teams.Contains(a.TeamId), cancellationToken);
        }
    }
}
