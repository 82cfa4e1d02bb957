using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Timescales;
using Xunit;

namespace ChildrenServices.Domain.Tests.Timescales;

// Expected dates were counted by hand on a calendar with the published England and Wales bank holidays:
// 2026: 25 December, 28 December (Boxing Day substitute: the 26th is a Saturday);
// 2027: 1 January, 26 March (Good Friday), 29 March (Easter Monday), 3 and 31 May.
public sealed class StatutoryTimescalesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly StatutoryTimescales Defaults = new(Calendar, LocalTimescales.Defaults);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    [Fact]
    public void Calendar_HolidaysTheseTablesAssume_AreTheOnesObserved()
    {
        // If these moved, every hand-counted date below would be wrong for a reason other than the rule.
        Assert.Equal(
            [D("2026-12-25"), D("2026-12-28"), D("2027-01-01"), D("2027-03-26"), D("2027-03-29")],
            new[] { 2026, 2027 }.SelectMany(Calendar.HolidaysIn).Select(h => h.Date)
                .Where(d => d >= D("2026-12-01") && d <= D("2027-04-30")));
    }

    [Theory]
    [InlineData("2026-11-16", "2027-01-21")]
    [InlineData("2026-12-01", "2027-02-05")] // Christmas, Boxing Day substitute, New Year's Day
    [InlineData("2026-12-24", "2027-03-02")] // Christmas Eve: next working day is Tuesday 29th
    [InlineData("2026-12-26", "2027-03-02")] // a Saturday referral counts from the same place
    [InlineData("2027-02-15", "2027-04-21")] // Easter in March
    [InlineData("2027-03-25", "2027-06-02")] // Easter, early May and spring bank holidays
    public void AssessmentDue_45WorkingDaysFromReferral(string referral, string expected)
    {
        Assert.Equal(D(expected), Defaults.AssessmentDue(D(referral)));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-12-01")] // Friday → Tuesday
    [InlineData("2026-12-24", "2026-12-30")] // over Christmas and the Boxing Day substitute
    [InlineData("2026-12-31", "2027-01-05")] // over New Year's Day
    [InlineData("2027-03-25", "2027-03-31")] // over Good Friday and Easter Monday
    [InlineData("2027-03-26", "2027-03-31")] // decided on Good Friday itself
    public void StrategyDiscussionDue_DefaultTwoWorkingDays(string decided, string expected)
    {
        Assert.Equal(D(expected), Defaults.StrategyDiscussionDue(D(decided)));
    }

    [Theory]
    [InlineData(0, "2026-12-26", "2026-12-26")] // same day, even a Saturday: the out-of-hours service holds it
    [InlineData(0, "2026-12-24", "2026-12-24")]
    [InlineData(1, "2026-12-24", "2026-12-29")]
    [InlineData(5, "2026-12-24", "2027-01-05")]
    public void StrategyDiscussionDue_LocalSetting_MovesTheDueDate(int workingDays, string decided, string expected)
    {
        var timescales = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { StrategyDiscussionWorkingDays = workingDays });

        Assert.Equal(D(expected), timescales.StrategyDiscussionDue(D(decided)));
    }

    [Theory]
    [InlineData("2026-11-26", "2026-12-04")]
    [InlineData("2026-12-21", "2026-12-31")]
    [InlineData("2026-12-23", "2027-01-05")]
    [InlineData("2027-03-23", "2027-04-02")]
    public void Section47EnquiryDue_DefaultSixWorkingDaysFromStrategyDiscussion(string strategyDiscussion, string expected)
    {
        Assert.Equal(D(expected), Defaults.Section47EnquiryDue(D(strategyDiscussion)));
    }

    [Fact]
    public void Section47EnquiryDue_LocalSetting_MovesTheDueDate()
    {
        var timescales = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { Section47EnquiryWorkingDays = 10 });

        Assert.Equal(D("2027-01-07"), timescales.Section47EnquiryDue(D("2026-12-21")));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-12-14")] // three clear weeks
    [InlineData("2026-12-14", "2027-01-07")]
    [InlineData("2026-12-18", "2027-01-13")]
    [InlineData("2027-03-15", "2027-04-07")]
    public void InitialConferenceDue_15WorkingDaysFromStrategyDiscussion(string strategyDiscussion, string expected)
    {
        Assert.Equal(D(expected), Defaults.InitialConferenceDue(D(strategyDiscussion)));
    }

    [Fact]
    public void InitialConferenceDue_NeverAWeekendOrBankHoliday()
    {
        // CIN census query 8870Q: the initial conference target should not be a weekend.
        for (var day = D("2026-11-01"); day <= D("2027-12-31"); day = day.AddDays(1))
        {
            var due = Defaults.InitialConferenceDue(day);
            Assert.True(Calendar.IsWorkingDay(due), $"{day} → {due}");
            Assert.Equal(15, Calendar.WorkingDaysBetween(day, due));
        }
    }

    [Theory]
    [InlineData("2027-01-04", "2027-01-18")]
    [InlineData("2026-12-17", "2027-01-05")]
    [InlineData("2027-03-19", "2027-04-06")]
    public void FirstCoreGroupDue_DefaultTenWorkingDaysFromInitialConference(string initialConference, string expected)
    {
        Assert.Equal(D(expected), Defaults.FirstCoreGroupDue(D(initialConference)));
    }

    [Fact]
    public void FirstCoreGroupDue_LocalSetting_MovesTheDueDate()
    {
        var timescales = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { FirstCoreGroupWorkingDays = 5 });

        Assert.Equal(D("2026-12-29"), timescales.FirstCoreGroupDue(D("2026-12-18")));
    }

    // Calendar months: DateOnly.AddMonths keeps the day, or the month's last day when it has none.
    public static TheoryData<string, string?, string> ChildProtectionReviews => new()
    {
        // First review: 3 months from the initial conference.
        { "2026-08-31", null, "2026-11-30" },
        { "2027-08-31", null, "2027-11-30" },
        { "2027-01-29", null, "2027-04-29" },
        { "2027-01-30", null, "2027-04-30" },
        { "2027-01-31", null, "2027-04-30" },
        { "2026-11-29", null, "2027-02-28" },
        { "2026-11-30", null, "2027-02-28" },
        { "2027-11-29", null, "2028-02-29" }, // leap year
        { "2027-11-30", null, "2028-02-29" },
        { "2027-03-12", null, "2027-06-12" }, // a Saturday: not moved, the law sets the latest date
        { "2026-09-28", null, "2026-12-28" }, // the Boxing Day substitute: not moved either

        // Later reviews: 6 months from the latest review, however long after the initial conference.
        { "2026-03-02", "2026-08-31", "2027-02-28" },
        { "2027-03-01", "2027-08-31", "2028-02-29" },
        { "2027-08-02", "2028-02-29", "2028-08-29" },
        { "2026-10-30", "2027-01-31", "2027-07-31" },
        { "2026-09-25", "2026-12-24", "2027-06-24" },
    };

    [Theory]
    [MemberData(nameof(ChildProtectionReviews))]
    public void ChildProtectionReviewDue_ThreeMonthsThenSixMonths(string initialConference, string? latestReview, string expected)
    {
        Assert.Equal(D(expected), Defaults.ChildProtectionReviewDue(D(initialConference), N(latestReview)));
    }

    [Fact]
    public void ChildProtectionReviewDue_ReviewBeforeInitialConference_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults.ChildProtectionReviewDue(D("2027-01-04"), D("2027-01-01")));
    }

    public static TheoryData<string, string?, string> ChildProtectionVisits => new()
    {
        { "2026-12-17", null, "2027-01-05" },         // first visit from the plan start, over Christmas and New Year
        { "2026-12-01", "2026-12-22", "2027-01-08" }, // from the latest visit
        { "2027-03-01", "2027-03-24", "2027-04-09" }, // over Easter
        { "2027-03-01", "2027-03-01", "2027-03-15" }, // visited on the day the plan started
    };

    [Theory]
    [MemberData(nameof(ChildProtectionVisits))]
    public void ChildProtectionVisitDue_DefaultTenWorkingDaysAfterLatestVisitOrPlanStart(string planStart, string? latestVisit, string expected)
    {
        Assert.Equal(D(expected), Defaults.ChildProtectionVisitDue(D(planStart), N(latestVisit)));
    }

    [Fact]
    public void ChildProtectionVisitDue_LocalSettingChanged_MovesTheDueDateWithoutACodeChange()
    {
        var fifteen = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { ChildProtectionVisitWorkingDays = 15 });

        Assert.Equal(D("2027-01-08"), Defaults.ChildProtectionVisitDue(D("2026-12-01"), D("2026-12-22")));
        Assert.Equal(D("2027-01-15"), fifteen.ChildProtectionVisitDue(D("2026-12-01"), D("2026-12-22")));
    }

    [Fact]
    public void ChildProtectionVisitDue_VisitBeforePlanStart_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults.ChildProtectionVisitDue(D("2027-01-04"), D("2026-12-31")));
    }

    public static TheoryData<string, string?, string> ChildInNeedReviews => new()
    {
        { "2026-12-10", null, "2027-01-05" },         // first: 15 working days, over Christmas and New Year
        { "2027-03-15", null, "2027-04-07" },         // first: over Easter
        { "2026-12-10", "2027-01-05", "2027-03-30" }, // then 12 calendar weeks (84 days) after the latest review
        { "2026-12-10", "2026-12-24", "2027-03-18" },
    };

    [Theory]
    [MemberData(nameof(ChildInNeedReviews))]
    public void ChildInNeedReviewDue_FifteenWorkingDaysThenTwelveWeeks(string planStart, string? latestReview, string expected)
    {
        Assert.Equal(D(expected), Defaults.ChildInNeedReviewDue(D(planStart), N(latestReview)));
    }

    [Fact]
    public void ChildInNeedReviewDue_LocalSettingsChanged_MoveBothTheFirstAndLaterReviews()
    {
        var local = LocalTimescales.Defaults with { ChildInNeedFirstReviewWorkingDays = 10, ChildInNeedReviewWeeks = 6 };
        var timescales = new StatutoryTimescales(Calendar, local);

        Assert.Equal(D("2026-12-24"), timescales.ChildInNeedReviewDue(D("2026-12-10"), null));
        Assert.Equal(D("2027-03-31"), timescales.ChildInNeedReviewDue(D("2027-03-15"), null));
        Assert.Equal(D("2027-02-16"), timescales.ChildInNeedReviewDue(D("2026-12-10"), D("2027-01-05")));
    }

    public static TheoryData<string, string?, string> ChildInNeedVisits => new()
    {
        { "2026-12-14", null, "2027-01-14" },         // 20 working days from the plan start, over Christmas and New Year
        { "2027-01-04", "2027-03-15", "2027-04-14" }, // from the latest visit, over Easter
    };

    [Theory]
    [MemberData(nameof(ChildInNeedVisits))]
    public void ChildInNeedVisitDue_DefaultTwentyWorkingDays(string planStart, string? latestVisit, string expected)
    {
        Assert.Equal(D(expected), Defaults.ChildInNeedVisitDue(D(planStart), N(latestVisit)));
    }

    [Fact]
    public void ChildInNeedVisitDue_LocalSetting_MovesTheDueDate()
    {
        var timescales = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { ChildInNeedVisitWorkingDays = 10 });

        Assert.Equal(D("2027-03-31"), timescales.ChildInNeedVisitDue(D("2027-01-04"), D("2027-03-15")));
    }

    [Fact]
    public void Due_DeploymentAddsAOneOffBankHoliday_WorkingDayRulesMoveCalendarRulesDoNot()
    {
        var withClosure = new StatutoryTimescales(Calendar.With(new OneOffHoliday(D("2027-01-06"), "Hypothetical proclamation")), LocalTimescales.Defaults);

        Assert.Equal(D("2027-01-08"), withClosure.InitialConferenceDue(D("2026-12-14")));
        Assert.Equal(D("2027-03-14"), withClosure.ChildProtectionReviewDue(D("2026-12-14"), null));
        Assert.Equal(D("2027-03-14"), Defaults.ChildProtectionReviewDue(D("2026-12-14"), null));
    }
}
