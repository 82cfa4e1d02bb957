using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Teams;

/// <summary>Teams with their manager and size, for administrators.</summary>
public static class ListTeams
{
    [RequiresPermission(Permission.ManageTeams)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, TeamKind Kind, Guid? ManagerId, string? ManagerName, int MemberCount, int CaseloadCapacityPerWorker, Guid Version);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Teams.OrderBy(t => t.Kind).ThenBy(t => t.Name)
                .Select(t => new Row(
                    t.Id, t.Name, t.Kind, t.ManagerId,
                    db.Staff.Where(s => s.Id == t.ManagerId).Select(s => s.DisplayName).FirstOrDefault(),
                    t.Members.Count, t.CaseloadCapacityPerWorker, t.Version))
                .ToListAsync(cancellationToken);
    }
}
