using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Timescales;
using Xunit;

namespace ChildrenServices.Domain.Tests.Timescales;

public sealed class LocalTimescalesTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var d = LocalTimescales.Defaults;

        Assert.Equal(
            (2, 6, 10, 10, 15, 12, 20, 5),
            (d.StrategyDiscussionWorkingDays, d.Section47EnquiryWorkingDays, d.FirstCoreGroupWorkingDays, d.ChildProtectionVisitWorkingDays,
             d.ChildInNeedFirstReviewWorkingDays, d.ChildInNeedReviewWeeks, d.ChildInNeedVisitWorkingDays, d.AmberWorkingDays));
        Assert.Empty(LocalTimescales.Validate(d));
    }

    public static TheoryData<string, int, string> OutOfRange => new()
    {
        { nameof(LocalTimescales.StrategyDiscussionWorkingDays), -1, "The strategy discussion must be between 0 and 10 working days" },
        { nameof(LocalTimescales.StrategyDiscussionWorkingDays), 11, "The strategy discussion must be between 0 and 10 working days" },
        { nameof(LocalTimescales.Section47EnquiryWorkingDays), 0, "The section 47 enquiry must be between 1 and 15 working days" },
        { nameof(LocalTimescales.Section47EnquiryWorkingDays), 16, "The section 47 enquiry must be between 1 and 15 working days" },
        { nameof(LocalTimescales.FirstCoreGroupWorkingDays), 0, "The first core group must be between 1 and 10 working days (the national timescale is 10 at the most)" },
        { nameof(LocalTimescales.FirstCoreGroupWorkingDays), 11, "The first core group must be between 1 and 10 working days (the national timescale is 10 at the most)" },
        { nameof(LocalTimescales.ChildProtectionVisitWorkingDays), 0, "Child protection visits must be between 1 and 60 working days" },
        { nameof(LocalTimescales.ChildProtectionVisitWorkingDays), 61, "Child protection visits must be between 1 and 60 working days" },
        { nameof(LocalTimescales.ChildInNeedFirstReviewWorkingDays), 0, "The first child in need review must be between 1 and 60 working days" },
        { nameof(LocalTimescales.ChildInNeedFirstReviewWorkingDays), 61, "The first child in need review must be between 1 and 60 working days" },
        { nameof(LocalTimescales.ChildInNeedReviewWeeks), 0, "Child in need reviews must be between 1 and 52 weeks" },
        { nameof(LocalTimescales.ChildInNeedReviewWeeks), 53, "Child in need reviews must be between 1 and 52 weeks" },
        { nameof(LocalTimescales.ChildInNeedVisitWorkingDays), 0, "Child in need visits must be between 1 and 60 working days" },
        { nameof(LocalTimescales.ChildInNeedVisitWorkingDays), 61, "Child in need visits must be between 1 and 60 working days" },
        { nameof(LocalTimescales.AmberWorkingDays), -1, "The amber warning must be between 0 and 20 working days" },
        { nameof(LocalTimescales.AmberWorkingDays), 21, "The amber warning must be between 0 and 20 working days" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OutOfRange_ReturnsOneProblemKeyedByField(string field, int value, string message)
    {
        var problem = Assert.Single(LocalTimescales.Validate(With(field, value)));

        Assert.Equal(new LocalTimescaleProblem(field, message), problem);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void StatutoryTimescales_OutOfRangeSetting_RefusedWithFieldKeyedRule(string field, int value, string message)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new StatutoryTimescales(WorkingDayCalendar.EnglandAndWales, With(field, value)));

        Assert.Equal((field, message), (ex.Field, ex.Message));
    }

    public static TheoryData<string, int> AtTheLimits => new()
    {
        { nameof(LocalTimescales.StrategyDiscussionWorkingDays), 0 },
        { nameof(LocalTimescales.StrategyDiscussionWorkingDays), 10 },
        { nameof(LocalTimescales.Section47EnquiryWorkingDays), 1 },
        { nameof(LocalTimescales.Section47EnquiryWorkingDays), 15 }, // the day the initial conference is due
        { nameof(LocalTimescales.FirstCoreGroupWorkingDays), 1 },
        { nameof(LocalTimescales.FirstCoreGroupWorkingDays), 10 },
        { nameof(LocalTimescales.ChildProtectionVisitWorkingDays), 1 },
        { nameof(LocalTimescales.ChildProtectionVisitWorkingDays), 60 },
        { nameof(LocalTimescales.ChildInNeedFirstReviewWorkingDays), 1 },
        { nameof(LocalTimescales.ChildInNeedFirstReviewWorkingDays), 60 },
        { nameof(LocalTimescales.ChildInNeedReviewWeeks), 1 },
        { nameof(LocalTimescales.ChildInNeedReviewWeeks), 52 },
        { nameof(LocalTimescales.ChildInNeedVisitWorkingDays), 1 },
        { nameof(LocalTimescales.ChildInNeedVisitWorkingDays), 60 },
        { nameof(LocalTimescales.AmberWorkingDays), 0 },
        { nameof(LocalTimescales.AmberWorkingDays), 20 },
    };

    [Theory]
    [MemberData(nameof(AtTheLimits))]
    public void Validate_AtTheLimits_Accepted(string field, int value)
    {
        var local = With(field, value);

        Assert.Empty(LocalTimescales.Validate(local));
        Assert.Same(local, local.EnsureValid());
    }

    [Fact]
    public void Validate_SeveralOutOfRange_ReturnsEachInFieldOrder()
    {
        var local = LocalTimescales.Defaults with { ChildInNeedReviewWeeks = 0, StrategyDiscussionWorkingDays = 30, AmberWorkingDays = -2 };

        Assert.Equal(
            [nameof(LocalTimescales.StrategyDiscussionWorkingDays), nameof(LocalTimescales.ChildInNeedReviewWeeks), nameof(LocalTimescales.AmberWorkingDays)],
            LocalTimescales.Validate(local).Select(p => p.Field));
    }

    [Fact]
    public void Defaults_ChangedWithWith_LeavesTheSharedDefaultsUntouched()
    {
        var changed = LocalTimescales.Defaults with { ChildProtectionVisitWorkingDays = 15 };

        Assert.Equal(15, changed.ChildProtectionVisitWorkingDays);
        Assert.Equal(10, LocalTimescales.Defaults.ChildProtectionVisitWorkingDays);
        Assert.NotEqual(LocalTimescales.Defaults, changed);
    }

    private static LocalTimescales With(string field, int value) => field switch
    {
        nameof(LocalTimescales.StrategyDiscussionWorkingDays) => LocalTimescales.Defaults with { StrategyDiscussionWorkingDays = value },
        nameof(LocalTimescales.Section47EnquiryWorkingDays) => LocalTimescales.Defaults with { Section47EnquiryWorkingDays = value },
        nameof(LocalTimescales.FirstCoreGroupWorkingDays) => LocalTimescales.Defaults with { FirstCoreGroupWorkingDays = value },
        nameof(LocalTimescales.ChildProtectionVisitWorkingDays) => LocalTimescales.Defaults with { ChildProtectionVisitWorkingDays = value },
        nameof(LocalTimescales.ChildInNeedFirstReviewWorkingDays) => LocalTimescales.Defaults with { ChildInNeedFirstReviewWorkingDays = value },
        nameof(LocalTimescales.ChildInNeedReviewWeeks) => LocalTimescales.Defaults with { ChildInNeedReviewWeeks = value },
        nameof(LocalTimescales.ChildInNeedVisitWorkingDays) => LocalTimescales.Defaults with { ChildInNeedVisitWorkingDays = value },
        nameof(LocalTimescales.AmberWorkingDays) => LocalTimescales.Defaults with { AmberWorkingDays = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a local timescale"),
    };
}
