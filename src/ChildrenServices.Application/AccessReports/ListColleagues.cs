using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.AccessReports;

/// <summary>Every colleague with an account, by name: whom an access report can be about.</summary>
public static class ListColleagues
{
    [RequiresPermission(Permission.ViewAccessReports)]
    public sealed record Query : IQuery<IReadOnlyList<Colleague>>;

    public sealed record Colleague(Guid Id, string DisplayName, string Email);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Colleague>>
    {
        public async ValueTask<IReadOnlyList<Colleague>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Staff.AsNoTracking().OrderBy(s => s.DisplayName).Select(s => new Colleague(s.Id, s.DisplayName, s.Email)).ToListAsync(cancellationToken);
    }
}
