using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Staff;

/// <summary>
/// The working profile of a user: the name colleagues see and whether the account is active.
/// Shares its id with the sign-in account; credentials stay with the identity store.
/// </summary>
public sealed class StaffMember : Aggregate
{
    private StaffMember()
    {
        DisplayName = string.Empty;
        Email = string.Empty;
    }

    public StaffMember(Guid userId, string displayName, string email, string? jobTitle)
    {
        Id = userId;
        DisplayName = displayName.Trim();
        Email = email.Trim();
        JobTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
    }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public string? JobTitle { get; private set; }

    public bool IsDisabled { get; private set; }

    public void Rename(string displayName, string? jobTitle)
    {
        DisplayName = displayName.Trim();
        JobTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
    }

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;
}
