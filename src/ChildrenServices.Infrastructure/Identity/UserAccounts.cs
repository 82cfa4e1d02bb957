using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChildrenServices.Infrastructure.Security;

namespace ChildrenServices.Infrastructure.Identity;

internal sealed class UserAccounts(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, IOptions<AccountSettings> settings, SignInThrottle throttle) : IUserAccounts
{
    public async Task<Guid> CreateAsync(string email, string displayName, string temporaryPassword, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            NameForPasswordCheck = displayName,
            MustChangePassword = true,
            TemporaryPasswordExpiresAtUtc = clock.GetUtcNow().UtcDateTime + settings.Value.TemporaryPasswordLifetime,
        };
        Check(await users.CreateAsync(user, temporaryPassword), "Password");
        Check(await users.AddToRolesAsync(user, roles), "Roles");
        return user.Id;
    }

    public async Task SetTemporaryPasswordAsync(Guid userId, string temporaryPassword, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        user.NameForPasswordCheck = await db.Staff.Where(s => s.Id == userId).Select(s => s.DisplayName).SingleOrDefaultAsync(ct);

        // Checked before anything changes, so a refused password leaves the old one (and the sessions) as they were.
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, temporaryPassword), "Password");
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, temporaryPassword);
        user.MustChangePassword = true;
        user.TemporaryPasswordExpiresAtUtc = clock.GetUtcNow().UtcDateTime + settings.Value.TemporaryPasswordLifetime;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateSecurityStampAsync(user), "Password");
        await EndSessionRowsAsync(userId, SessionEnd.PasswordChanged, ct);
        await throttle.ClearAsync(user.Email ?? "", ct);
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        var current = await users.GetRolesAsync(user);
        if (current.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
        {
            return;
        }

        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "Roles");
        Check(await users.AddToRolesAsync(user, roles.Except(current)), "Roles");

        // New roles take effect on the next request rather than at the next sign-in: the stamp changes, so every
        // session the colleague has ends and they sign in again to the new roles.
        await users.UpdateSecurityStampAsync(user);
        await EndSessionRowsAsync(userId, SessionEnd.RolesChanged, ct);
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

    public async Task EndSessionsAsync(Guid userId, string reason, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        await users.UpdateSecurityStampAsync(user);
        await EndSessionRowsAsync(userId, reason, ct);
    }

    public async Task ResetAuthenticatorAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new Application.NotFoundException("Page not found");
        Check(await users.SetTwoFactorEnabledAsync(user, false), "UserId");
        Check(await users.ResetAuthenticatorKeyAsync(user), "UserId");
        await EndSessionRowsAsync(userId, SessionEnd.EndedByAdministrator, ct);
    }

    public async Task<bool> CheckPasswordAsync(Guid userId, string password, CancellationToken ct) =>
        await users.FindByIdAsync(userId.ToString()) is { } user && await users.CheckPasswordAsync(user, password);

    public async Task<IReadOnlyList<UserSession>> LiveSessionsAsync(Guid userId, CancellationToken ct) =>
        await db.SignInSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAtUtc == null)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new UserSession(s.Id, s.StartedAtUtc, s.LastSeenAtUtc, s.Client, s.Address))
            .ToListAsync(ct);

    private async Task EndSessionRowsAsync(Guid userId, string reason, CancellationToken ct) =>
        await db.SignInSessions.Where(s => s.UserId == userId).EndAsync(clock.GetUtcNow().UtcDateTime, reason, ct);

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
