using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>Workers a manager can allocate to: the members of the teams they manage, with their caseloads.</summary>
public static class ListAllocatableWorkers
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query : IQuery<IReadOnlyList<Option>>;

    public sealed record Option(Guid Id, string Name, string TeamName, int Caseload, int Capacity);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Option>>
    {
        public async ValueTask<IReadOnlyList<Option>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();

            // One statement: each enabled member of the manager's teams with their name and open caseload (all teams).
            var members = await db.Teams.Where(t => t.ManagerId == me)
                .SelectMany(t => t.Members, (t, m) => new { t.Name, t.CaseloadCapacityPerWorker, m.UserId })
                .Join(db.Staff.Where(s => !s.IsDisabled), m => m.UserId, s => s.Id, (m, s) => new
                {
                    m.Name, m.CaseloadCapacityPerWorker, m.UserId, s.DisplayName,
                    Caseload = db.Allocations.Count(a => a.WorkerId == m.UserId && a.EndedOn == null),
                })
                .ToListAsync(cancellationToken);

            return [.. members
                .Select(m => new Option(m.UserId, m.DisplayName, m.Name, m.Caseload, m.CaseloadCapacityPerWorker))
                .OrderBy(o => o.TeamName).ThenBy(o => o.Name)];
        }
    }
}
