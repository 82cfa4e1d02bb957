namespace ChildrenServices.Application;

/// <summary>The record does not exist, or the user may not know that it exists (a restricted child). Shown as 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The user may not do this. Shown as 403 with the message.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// Under the need-to-know reading policy, the user does not work with this child and has given no reason to read their
/// record (or a page naming them) yet. Shown as the record's reason page, which returns to where the user was going.
/// </summary>
public sealed class ReasonRequiredException(Guid personId)
    : Exception("You do not work with this child: give your reason to read their record first")
{
    public Guid PersonId { get; } = personId;
}

/// <summary>Someone else saved the record after this user loaded it.</summary>
public sealed class ConcurrencyConflictException(string? changedBy, DateTime? changedAtUtc)
    : Exception(Describe(changedBy, changedAtUtc))
{
    public string? ChangedBy { get; } = changedBy;

    public DateTime? ChangedAtUtc { get; } = changedAtUtc;

    private static string Describe(string? changedBy, DateTime? changedAtUtc)
    {
        var who = string.IsNullOrWhiteSpace(changedBy) ? "someone else" : changedBy;
        var when = changedAtUtc is { } at
            ? $" at {TimeZoneInfo.ConvertTimeFromUtc(at, UkTime.Zone):HH:mm} on {TimeZoneInfo.ConvertTimeFromUtc(at, UkTime.Zone):d MMMM yyyy}"
            : string.Empty;
        return $"This record was changed by {who}{when} after you opened it. Your changes have not been saved: check the record and make them again.";
    }
}
