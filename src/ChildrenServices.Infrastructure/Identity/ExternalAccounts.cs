using System.Security.Claims;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// The account behind a single sign-on: found by the provider's subject, else by email (linking a colleague who had a
/// local account), else made (named from the provider); its roles are the ones the provider's groups give, set at each
/// sign-in, so a change in the directory reaches the service at the next sign-in. No password is set on a new account.
/// </summary>
public sealed class ExternalAccounts(UserManager<AppUser> users, AppDbContext db)
{
    public async Task<AppUser> AccountForAsync(string provider, ExternalLoginInfo login, string email, string name, IReadOnlyCollection<string> roles)
    {
        var user = await users.FindByLoginAsync(provider, login.ProviderKey) ?? await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
            Check(await users.CreateAsync(user));
            db.Staff.Add(new StaffMember(user.Id, name, email, null));
            await db.SaveChangesAsync();
        }

        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == provider && l.ProviderKey == login.ProviderKey))
        {
            Check(await users.AddLoginAsync(user, login));
        }

        var current = await users.GetRolesAsync(user);
        if (!current.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
        {
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(current)));
        }

        return user;
    }

    public static string? EmailOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("preferred_username");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The single sign-on account could not be saved: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
