using Microsoft.AspNetCore.Identity;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// The sign-in account. The working profile (name, job title, disabled) is the StaffMember with the same id.
/// Standalone (<see cref="Domain.Common.IStandaloneRecord"/>): ASP.NET Core Identity keeps it, with its own concurrency stamp.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, Domain.Common.IStandaloneRecord
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }
}
