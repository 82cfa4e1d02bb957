using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Seeding;

/// <summary>
/// Roles exist in every database; a production database otherwise starts empty and gets its first
/// administrator from the `create-admin` command (README, "Running in production").
/// </summary>
public sealed class FirstAdministrator(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    /// <summary>Creates an administrator account; returns the problems that stopped it, or none.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string password, string? jobTitle = null, IReadOnlyCollection<string>? extraRoles = null)
    {
        await EnsureRolesAsync();
        if (await db.Staff.AnyAsync(s => s.Email == email))
        {
            return ["An account with this email address already exists"];
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, NameForPasswordCheck = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        await users.AddToRolesAsync(user, extraRoles ?? [Roles.Administrator]);
        db.Staff.Add(new StaffMember(user.Id, displayName, email, jobTitle));
        await db.SaveChangesAsync();
        return [];
    }
}
