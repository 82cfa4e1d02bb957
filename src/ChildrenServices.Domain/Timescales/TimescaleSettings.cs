using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Timescales;

/// <summary>
/// The council's local timescales as an administrator last saved them: one row per deployment. Every
/// due date is computed from these on read, so a change moves every deadline that depends on it.
/// </summary>
public sealed class TimescaleSettings : Aggregate
{
    /// <summary>The one row's id: there is only ever one set of local timescales.</summary>
    public static readonly Guid SingletonId = new("0193f3c2-7d1e-7c55-9a3e-5c0a1b2c3d4e");

    private TimescaleSettings()
    {
    }

    public TimescaleSettings(LocalTimescales local)
    {
        Id = SingletonId;
        Apply(local);
    }

    public int StrategyDiscussionWorkingDays { get; private set; }

    public int Section47EnquiryWorkingDays { get; private set; }

    public int FirstCoreGroupWorkingDays { get; private set; }

    public int ChildProtectionVisitWorkingDays { get; private set; }

    public int ChildInNeedFirstReviewWorkingDays { get; private set; }

    public int ChildInNeedReviewWeeks { get; private set; }

    public int ChildInNeedVisitWorkingDays { get; private set; }

    public int AmberWorkingDays { get; private set; }

    public LocalTimescales ToLocal() => new()
    {
        StrategyDiscussionWorkingDays = StrategyDiscussionWorkingDays,
        Section47EnquiryWorkingDays = Section47EnquiryWorkingDays,
        // A setting saved above the national 10 before the limit existed reads as 10.
        FirstCoreGroupWorkingDays = Math.Min(FirstCoreGroupWorkingDays, StatutoryTimescales.FirstCoreGroupWorkingDays),
        ChildProtectionVisitWorkingDays = ChildProtectionVisitWorkingDays,
        ChildInNeedFirstReviewWorkingDays = ChildInNeedFirstReviewWorkingDays,
        ChildInNeedReviewWeeks = ChildInNeedReviewWeeks,
        ChildInNeedVisitWorkingDays = ChildInNeedVisitWorkingDays,
        AmberWorkingDays = AmberWorkingDays,
    };

    /// <summary>Replace every setting; refused (naming the field) when any is out of range.</summary>
    public void Apply(LocalTimescales local)
    {
        ArgumentNullException.ThrowIfNull(local);
        local.EnsureValid();
        StrategyDiscussionWorkingDays = local.StrategyDiscussionWorkingDays;
        Section47EnquiryWorkingDays = local.Section47EnquiryWorkingDays;
        FirstCoreGroupWorkingDays = local.FirstCoreGroupWorkingDays;
        ChildProtectionVisitWorkingDays = local.ChildProtectionVisitWorkingDays;
        ChildInNeedFirstReviewWorkingDays = local.ChildInNeedFirstReviewWorkingDays;
        ChildInNeedReviewWeeks = local.ChildInNeedReviewWeeks;
        ChildInNeedVisitWorkingDays = local.ChildInNeedVisitWorkingDays;
        AmberWorkingDays = local.AmberWorkingDays;
    }
}
