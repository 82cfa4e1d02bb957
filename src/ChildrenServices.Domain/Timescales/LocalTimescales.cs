using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Timescales;

/// <summary>A local timescale setting that is out of range, keyed by the property it belongs to.</summary>
public sealed record LocalTimescaleProblem(string Field, string Message);

/// <summary>
/// The timescales a council sets for itself because the law sets no number (domain.md section 3, "local").
/// An administrator changes them without a code change; every due date computed by
/// <see cref="StatutoryTimescales"/> moves with them. Defaults are the examples in domain.md, except
/// <see cref="ChildInNeedVisitWorkingDays"/>, which domain.md does not give (see its remarks).
/// </summary>
/// <remarks>
/// The bounds catch mistyped settings, not practice choices: a strategy discussion is "as soon as possible",
/// so more than two working weeks is refused; a section 47 enquiry must end by the initial conference,
/// which is due <see cref="StatutoryTimescales.InitialConferenceWorkingDays"/> working days after the
/// strategy discussion; any other interval is 1 to 60 working days (about three months) or 1 to 52 weeks.
/// </remarks>
public sealed record LocalTimescales
{
    public const int MaxWorkingDays = 60;
    public const int MaxStrategyDiscussionWorkingDays = 10;
    public const int MaxWeeks = 52;
    public const int MaxAmberWorkingDays = 20;

    /// <summary>The defaults, for a deployment that has not set its own.</summary>
    public static LocalTimescales Defaults { get; } = new();

    /// <summary>Strategy discussion within this many working days of the referral or decision that significant harm is suspected; 0 means the same day.</summary>
    public int StrategyDiscussionWorkingDays { get; init; } = 2;

    /// <summary>Section 47 enquiry concluded within this many working days of the strategy discussion (domain.md's example: 6).</summary>
    public int Section47EnquiryWorkingDays { get; init; } = 6;

    /// <summary>First core group within this many working days of the initial child protection conference: at most the national 10.</summary>
    public int FirstCoreGroupWorkingDays { get; init; } = 10;

    /// <summary>Child protection statutory visit at least every this many working days, the first counted from the plan start.</summary>
    public int ChildProtectionVisitWorkingDays { get; init; } = 10;

    /// <summary>First child in need plan review within this many working days of the plan start (domain.md: 10–15).</summary>
    public int ChildInNeedFirstReviewWorkingDays { get; init; } = 15;

    /// <summary>Later child in need plan reviews at most this many weeks after the previous review.</summary>
    public int ChildInNeedReviewWeeks { get; init; } = 12;

    /// <summary>Child in need visit at least every this many working days, the first counted from the plan start.</summary>
    /// <remarks>
    /// Neither the law nor domain.md gives a figure. 20 working days (about four weeks) is this project's
    /// default, chosen to sit between the child protection default (10) and the six-weekly minimum for a
    /// looked-after child; a council is expected to set its own.
    /// </remarks>
    public int ChildInNeedVisitWorkingDays { get; init; } = 20;

    /// <summary>A due item turns amber this many working days before its due date; 0 means only on the due date itself.</summary>
    public int AmberWorkingDays { get; init; } = 5;

    /// <summary>Every setting that is out of range, with a message for the administrator; empty when all are valid.</summary>
    public static IReadOnlyList<LocalTimescaleProblem> Validate(LocalTimescales timescales)
    {
        ArgumentNullException.ThrowIfNull(timescales);

        var problems = new List<LocalTimescaleProblem>();
        Check(timescales.StrategyDiscussionWorkingDays, 0, MaxStrategyDiscussionWorkingDays, nameof(StrategyDiscussionWorkingDays), "The strategy discussion", "working days");
        Check(timescales.Section47EnquiryWorkingDays, 1, StatutoryTimescales.InitialConferenceWorkingDays, nameof(Section47EnquiryWorkingDays), "The section 47 enquiry", "working days");
        Check(timescales.FirstCoreGroupWorkingDays, 1, StatutoryTimescales.FirstCoreGroupWorkingDays, nameof(FirstCoreGroupWorkingDays), "The first core group", "working days (the national timescale is 10 at the most)");
        Check(timescales.ChildProtectionVisitWorkingDays, 1, MaxWorkingDays, nameof(ChildProtectionVisitWorkingDays), "Child protection visits", "working days");
        Check(timescales.ChildInNeedFirstReviewWorkingDays, 1, MaxWorkingDays, nameof(ChildInNeedFirstReviewWorkingDays), "The first child in need review", "working days");
        Check(timescales.ChildInNeedReviewWeeks, 1, MaxWeeks, nameof(ChildInNeedReviewWeeks), "Child in need reviews", "weeks");
        Check(timescales.ChildInNeedVisitWorkingDays, 1, MaxWorkingDays, nameof(ChildInNeedVisitWorkingDays), "Child in need visits", "working days");
        Check(timescales.AmberWorkingDays, 0, MaxAmberWorkingDays, nameof(AmberWorkingDays), "The amber warning", "working days");
        return problems;

        void Check(int value, int min, int max, string field, string what, string unit)
        {
            if (value < min || value > max)
            {
                problems.Add(new LocalTimescaleProblem(field, $"{what} must be between {min} and {max} {unit}"));
            }
        }
    }

    /// <summary>This instance, or a <see cref="DomainRuleException"/> naming the first setting out of range.</summary>
    public LocalTimescales EnsureValid()
    {
        var problems = Validate(this);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(problems[0].Message, problems[0].Field);
        }

        return this;
    }
}
