using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>The administrator's list of accounts with their roles and teams. No case content.</summary>
public static class ListUsers
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Query(string? Filter = null) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string DisplayName, string Email, string? JobTitle, bool IsDisabled, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, Guid Version)
    {
        /// <summary>The Social Work England registration number, if the colleague is registered.</summary>
        public string? RegistrationNumber { get; init; }
    }

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var staff = db.Staff.AsQueryable();
            if (!string.IsNullOrWhiteSpace(query.Filter))
            {
                var filter = $"%{query.Filter.Trim()}%";
                staff = staff.Where(s => EF.Functions.Like(s.DisplayName, filter) || EF.Functions.Like(s.Email, filter));
            }

            var people = await staff.OrderBy(s => s.IsDisabled).ThenBy(s => s.DisplayName)
                .Select(s => new { s.Id, s.DisplayName, s.Email, s.JobTitle, s.IsDisabled, s.Version, s.RegistrationNumber })
                .ToListAsync(cancellationToken);
            var ids = people.Select(p => p.Id).ToList();
            var roles = await accounts.RolesAsync(ids, cancellationToken);
            var teams = await db.Teams.SelectMany(t => t.Members, (t, m) => new { m.UserId, t.Name }).ToListAsync(cancellationToken);
            var teamsByUser = teams.ToLookup(t => t.UserId, t => t.Name);

            return [.. people.Select(p => new Row(
                p.Id, p.DisplayName, p.Email, p.JobTitle, p.IsDisabled,
                roles.TryGetValue(p.Id, out var r) ? r : [],
                [.. teamsByUser[p.Id].Order()],
                p.Version) { RegistrationNumber = p.RegistrationNumber })];
        }
    }
}
