using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Identity;

internal sealed class UserAccounts(UserManager<AppUser> users, AppDbContext db) : IUserAccounts
{
    public async Task<Guid> CreateAsync(string email, string password, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password), "Password");
        Check(await users.AddToRolesAsync(user, roles), "Roles");
        return user.Id;
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "Roles");
        Check(await users.AddToRolesAsync(user, roles.Except(current)), "Roles");

        // New roles take effect on the next request rather than at the next sign-in.
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> RolesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var rows = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Name!).Order()]);
    }

    public async Task<IReadOnlyList<Guid>> UsersInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken ct) =>
        await db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Distinct().ToListAsync(ct);

    public async Task EndSessionsAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        await users.UpdateSecurityStampAsync(user);
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(field, Describe(e))));
        }
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "The password must be at least 12 characters",
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => "An account with this email address already exists",
        _ => error.Description,
    };
}
