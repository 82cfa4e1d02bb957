using System.Text.RegularExpressions;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Staff;

/// <summary>
/// The working profile of a user: the name colleagues see and whether the account is active.
/// Shares its id with the sign-in account; credentials stay with the identity store.
/// </summary>
public sealed partial class StaffMember : Aggregate
{
    public const string RegistrationNumberFormat = "Enter the Social Work England registration number as SW followed by its digits, for example SW12345";

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

    /// <summary>
    /// The worker's Social Work England registration number, for social workers and managers who are registered: what the
    /// SSDA903 social worker episodes return as SW_ID (rule SW02STG1: it begins "SW").
    /// </summary>
    public string? RegistrationNumber { get; private set; }

    /// <summary>"SW" and digits, as Social Work England gives them; null when the worker is not registered.</summary>
    public static string? NormaliseRegistrationNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return RegistrationNumberPattern().IsMatch(compact) ? compact : throw new DomainRuleException(RegistrationNumberFormat, nameof(RegistrationNumber));
    }

    public static bool IsRegistrationNumber(string? value) =>
        string.IsNullOrWhiteSpace(value) || RegistrationNumberPattern().IsMatch(value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());

    public void Register(string? registrationNumber) => RegistrationNumber = NormaliseRegistrationNumber(registrationNumber);

    [GeneratedRegex(@"^SW\d{1,10}$")]
    private static partial Regex RegistrationNumberPattern();

    public void Rename(string displayName, string? jobTitle)
    {
        DisplayName = displayName.Trim();
        JobTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
    }

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;
}
