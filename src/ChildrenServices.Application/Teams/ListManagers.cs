using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Teams;

/// <summary>Active team managers, for choosing a team's manager.</summary>
public static class ListManagers
{
    [RequiresPermission(Permission.ManageTeams)]
    public sealed record Query : IQuery<IReadOnlyList<Option>>;

    public sealed record Option(Guid Id, string Name);

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : IQueryHandler<Query, IReadOnlyList<Option>>
    {
        public async ValueTask<IReadOnlyList<Option>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ids = await accounts.UsersInRolesAsync([Roles.TeamManager], cancellationToken);
            return await db.Staff.Where(s => ids.Contains(s.Id) && !s.IsDisabled).OrderBy(s => s.DisplayName)
                .Select(s => new Option(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        }
    }
}
