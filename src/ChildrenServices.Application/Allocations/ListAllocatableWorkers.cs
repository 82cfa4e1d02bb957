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
            var members = await db.Teams.Where(t => t.ManagerId == me)
                .SelectMany(t => t.Members, (t, m) => new { t.Name, t.CaseloadCapacityPerWorker, m.UserId })
                .ToListAsync(cancellationToken);
            var ids = members.Select(m => m.UserId).Distinct().ToList();
            var staff = await db.Staff.Where(s => ids.Contains(s.Id) && !s.IsDisabled)
                .Select(s => new { s.Id, s.DisplayName }).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var caseloads = await db.Allocations.Where(a => ids.Contains(a.WorkerId) && a.EndedOn == null)
                .GroupBy(a => a.WorkerId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            return [.. members.Where(m => staff.ContainsKey(m.UserId))
                .Select(m => new Option(m.UserId, staff[m.UserId], m.Name, caseloads.GetValueOrDefault(m.UserId), m.CaseloadCapacityPerWorker))
                .OrderBy(o => o.TeamName).ThenBy(o => o.Name)];
        }
    }
}
