using System.ComponentModel.DataAnnotations.Schema;
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

    /// <summary>
    /// The password was set by an administrator: it works only until <see cref="TemporaryPasswordExpiresAtUtc"/>,
    /// and the first thing its holder does after signing in is choose their own.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public DateTime? TemporaryPasswordExpiresAtUtc { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code accepted: a code is refused for this step and every
    /// earlier one, so each code works once (the framework's own provider would take it again for 90 seconds).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>The colleague's name while their account is being made (no staff record yet): the password may not contain it.</summary>
    [NotMapped]
    public string? NameForPasswordCheck { get; set; }
}
