namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// How a page under /People uses the person in its address (<see cref="PersonPageFilter"/> reads it). A page
/// without it shows the identity bar and records nothing itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class PersonPageAttribute : Attribute
{
    /// <summary>
    /// A form only those who hold the case may send (the allocated worker, the holding team's manager): anyone
    /// else is refused (403) as it opens, rather than after typing. A reviewing officer's form, whose user never
    /// holds the case, is not marked; the command's own rule decides.
    /// </summary>
    public bool Records { get; init; }

    /// <summary>The page shows or changes personal details, so it loads the full record, not only the header.</summary>
    public bool WithDetails { get; init; }

    /// <summary>
    /// The record's overview page: the full record with what is open, due and significant for a child, read and
    /// audited as one view (ADR 0024). Implies <see cref="WithDetails"/>.
    /// </summary>
    public bool WithOverview { get; init; }

    /// <summary>
    /// The page where a reason to read is given (need-to-know policy): it neither loads the person nor asks for a
    /// reason itself, so it shows nothing of the record before the reason is given.
    /// </summary>
    public bool GivesReason { get; init; }

    public static PersonPageAttribute ReadsOnly { get; } = new();
}
