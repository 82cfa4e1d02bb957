using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>Active colleagues by name, for choosing who may see a restricted record.</summary>
public static class ListColleagues
{
    [RequiresPermission(Permission.RestrictRecords)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, string? JobTitle);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Staff.Where(s => !s.IsDisabled).OrderBy(s => s.DisplayName)
                .Select(s => new Row(s.Id, s.DisplayName, s.JobTitle)).ToListAsync(cancellationToken);
    }
}
