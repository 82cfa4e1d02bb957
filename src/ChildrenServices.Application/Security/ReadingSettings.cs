namespace ChildrenServices.Application.Security;

/// <summary>Who may read a child's record ("Records" in the settings; docs/security.md).</summary>
public sealed class ReadingSettings
{
    public const string Section = "Records";

    /// <summary>
    /// <see cref="ReadingPolicy.Open"/>: every practitioner reads any record not restricted (as before).
    /// <see cref="ReadingPolicy.NeedToKnow"/>: a child's record is read without a reason only by those who work with the
    /// child (allocated, in the team holding them, their reviewing officer), the front door and managers; anyone else
    /// gives a reason, which is kept, and their managers are alerted.
    /// </summary>
    public ReadingPolicy ReadingPolicy { get; set; } = ReadingPolicy.Open;

    /// <summary>How long a reason given lets its giver read that record.</summary>
    public int ReasonLastsHours { get; set; } = 8;
}

public enum ReadingPolicy
{
    Open,
    NeedToKnow,
}
