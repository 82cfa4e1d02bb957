using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Timescales;
using Xunit;

namespace ChildrenServices.Domain.Tests.Timescales;

public sealed class DueItemTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    // Expected amber starts were counted back by hand against the published 2026/27 bank holidays
    // (25 and 28 December 2026, 1 January 2027, 26 and 29 March 2027).
    public static TheoryData<string, int, string, RagStatus> Statuses => new()
    {
        // Due Thursday 7 January 2027, 5 working days' warning: amber from Wednesday 30 December (New Year's Day skipped).
        { "2027-01-07", 5, "2026-12-29", RagStatus.Green },
        { "2027-01-07", 5, "2026-12-30", RagStatus.Amber }, // first day of the window
        { "2027-01-07", 5, "2027-01-01", RagStatus.Amber }, // a bank holiday inside the window
        { "2027-01-07", 5, "2027-01-07", RagStatus.Amber }, // due today
        { "2027-01-07", 5, "2027-01-08", RagStatus.Red },   // one day overdue
        { "2027-01-07", 5, "2027-06-01", RagStatus.Red },

        // Due Tuesday 29 December 2026: Christmas Day and the Boxing Day substitute push the window back to Friday 18th.
        { "2026-12-29", 5, "2026-12-17", RagStatus.Green },
        { "2026-12-29", 5, "2026-12-18", RagStatus.Amber },
        { "2026-12-29", 5, "2026-12-28", RagStatus.Amber },
        { "2026-12-29", 5, "2026-12-30", RagStatus.Red },

        // Due Friday 2 April 2027, after Easter: amber from Wednesday 24 March.
        { "2027-04-02", 5, "2027-03-23", RagStatus.Green },
        { "2027-04-02", 5, "2027-03-24", RagStatus.Amber },

        // A calendar-month rule can fall due on a Saturday: five working days back is Monday 8 February.
        { "2027-02-13", 5, "2027-02-05", RagStatus.Green },
        { "2027-02-13", 5, "2027-02-08", RagStatus.Amber },
        { "2027-02-13", 5, "2027-02-13", RagStatus.Amber },
        { "2027-02-13", 5, "2027-02-15", RagStatus.Red },   // the Monday after a Saturday due date

        // No warning: amber on the due date only.
        { "2027-01-07", 0, "2027-01-06", RagStatus.Green },
        { "2027-01-07", 0, "2027-01-07", RagStatus.Amber },
        { "2027-01-07", 0, "2027-01-08", RagStatus.Red },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void StatusOn_NotCompleted_RedAmberGreenByWorkingDaysToDue(string due, int amberWorkingDays, string today, RagStatus expected)
    {
        var item = new DueItem(DueKind.ChildProtectionVisit, D(due));

        Assert.Equal(expected, item.StatusOn(D(today), Calendar, amberWorkingDays));
    }

    [Theory]
    [InlineData("2027-01-07", 5, "2026-12-30")]
    [InlineData("2026-12-29", 5, "2026-12-18")]
    [InlineData("2027-04-02", 5, "2027-03-24")]
    [InlineData("2027-02-13", 5, "2027-02-08")]
    [InlineData("2027-01-07", 10, "2026-12-21")]
    [InlineData("2027-01-07", 0, "2027-01-07")]
    public void AmberFrom_WorkingDaysBeforeDue_SkipsWeekendsAndBankHolidays(string due, int amberWorkingDays, string expected)
    {
        Assert.Equal(D(expected), new DueItem(DueKind.Assessment, D(due)).AmberFrom(Calendar, amberWorkingDays));
    }

    public static TheoryData<string, string, string, RagStatus> Completions => new()
    {
        { "2027-01-07", "2027-01-07", "2027-03-01", RagStatus.CompletedOnTime }, // on the due date
        { "2027-01-07", "2026-12-01", "2027-03-01", RagStatus.CompletedOnTime }, // early
        { "2027-01-07", "2027-01-08", "2027-03-01", RagStatus.CompletedLate },   // a day late
        { "2027-01-07", "2027-01-05", "2027-01-06", RagStatus.CompletedOnTime }, // done inside the amber window: no longer amber
        { "2027-01-07", "2027-02-01", "2027-02-01", RagStatus.CompletedLate },   // done today, after it was red
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void StatusOn_Completed_OnTimeOrLateWhateverToday(string due, string completed, string today, RagStatus expected)
    {
        var item = new DueItem(DueKind.LookedAfterReview, D(due), D(completed));

        Assert.Equal(expected, item.StatusOn(D(today), Calendar, 5));
    }

    [Fact]
    public void StatusOn_NegativeAmberWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DueItem(DueKind.Assessment, D("2027-01-07")).StatusOn(D("2027-01-01"), Calendar, -1));
    }

    [Fact]
    public void StatusOf_UsesTheLocalAmberWindow()
    {
        var item = new DueItem(DueKind.FirstCoreGroup, D("2027-01-07"));
        var standard = new StatutoryTimescales(Calendar, LocalTimescales.Defaults);
        var earlyWarning = new StatutoryTimescales(Calendar, LocalTimescales.Defaults with { AmberWorkingDays = 10 });

        // Monday 21 December 2026 is 10 working days before Thursday 7 January 2027, not 5.
        Assert.Equal(RagStatus.Green, standard.StatusOf(item, D("2026-12-21")));
        Assert.Equal(RagStatus.Amber, earlyWarning.StatusOf(item, D("2026-12-21")));
        Assert.Equal(RagStatus.Green, earlyWarning.StatusOf(item, D("2026-12-18")));
    }
}
