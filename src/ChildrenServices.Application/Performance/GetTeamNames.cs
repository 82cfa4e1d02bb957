using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Performance;

/// <summary>The teams, by name, for the team filter on the performance pages.</summary>
public static class GetTeamNames
{
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Row(t.Id, t.Name)).ToListAsync(cancellationToken);
    }
}
