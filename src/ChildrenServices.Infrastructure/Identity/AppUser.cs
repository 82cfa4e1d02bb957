using Microsoft.AspNetCore.Identity;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>The sign-in account. The working profile (name, job title, disabled) is the StaffMember with the same id.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }
}
