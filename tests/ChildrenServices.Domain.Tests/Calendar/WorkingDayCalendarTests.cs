using ChildrenServices.Domain.Calendar;
using Xunit;

namespace ChildrenServices.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    // Published England and Wales bank holidays (GOV.UK), typed in independently of the rules.
    public static TheoryData<int, string[]> PublishedHolidays => new()
    {
        { 2012, ["2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"] },
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void HolidaysIn_PublishedYear_MatchesGovUkDatesInOrder(int year, string[] expected)
    {
        var actual = Calendar.HolidaysIn(year).Select(h => h.Date.ToString("yyyy-MM-dd")).ToArray();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void IsWorkingDay_PublishedHoliday_IsFalse(int year, string[] expected)
    {
        Assert.All(expected, iso =>
        {
            Assert.False(Calendar.IsWorkingDay(D(iso)));
            Assert.True(Calendar.IsBankHoliday(D(iso), out var name));
            Assert.False(string.IsNullOrWhiteSpace(name));
        });
        Assert.Equal(year, D(expected[0]).Year);
    }

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")] // latest possible date
    [InlineData(2285, "2285-03-22")] // earliest possible date
    public void EasterSunday_Year_MatchesPublishedDate(int year, string expected)
    {
        Assert.Equal(D(expected), BankHolidays.EasterSunday(year));
    }

    [Theory]
    [InlineData(2021, "2021-12-27", "Christmas Day (substitute day)", "2021-12-28", "Boxing Day (substitute day)")] // Christmas on Saturday
    [InlineData(2022, "2022-12-26", "Boxing Day", "2022-12-27", "Christmas Day (substitute day)")] // Christmas on Sunday
    [InlineData(2026, "2026-12-25", "Christmas Day", "2026-12-28", "Boxing Day (substitute day)")] // Boxing Day on Saturday
    [InlineData(2024, "2024-12-25", "Christmas Day", "2024-12-26", "Boxing Day")]
    public void ForYear_ChristmasFallsOnWeekend_SubstitutesNamedAsPublished(
        int year, string firstDate, string firstName, string secondDate, string secondName)
    {
        var christmas = BankHolidays.ForYear(year).Where(h => h.Date.Month == 12).ToArray();

        Assert.Equal([new BankHoliday(D(firstDate), firstName), new BankHoliday(D(secondDate), secondName)], christmas);
    }

    [Theory]
    [InlineData(2022, "2022-01-03", "New Year's Day (substitute day)")] // Saturday
    [InlineData(2023, "2023-01-02", "New Year's Day (substitute day)")] // Sunday
    [InlineData(2027, "2027-01-01", "New Year's Day")] // Friday
    public void ForYear_NewYearOnWeekend_MovesToMonday(int year, string expected, string name)
    {
        Assert.Equal(new BankHoliday(D(expected), name), BankHolidays.ForYear(year)[0]);
    }

    [Theory]
    [InlineData("2020-05-04")] // early May moved to VE Day, Friday 8 May
    [InlineData("2022-05-30")] // spring holiday moved to Thursday 2 June
    [InlineData("2012-05-28")] // spring holiday moved to Monday 4 June
    public void IsWorkingDay_RuleDateReplacedByOneOff_IsTrue(string iso)
    {
        var date = D(iso);

        Assert.Contains(BankHolidays.ForYear(date.Year), h => h.Date == date);
        Assert.True(Calendar.IsWorkingDay(date));
        Assert.False(Calendar.IsBankHoliday(date, out _));
    }

    [Theory]
    [InlineData("2025-06-07", false)] // Saturday
    [InlineData("2025-06-08", false)] // Sunday
    [InlineData("2025-06-09", true)]
    [InlineData("2025-06-06", true)]
    [InlineData("2022-09-19", false)] // State funeral
    [InlineData("2023-05-08", false)] // Coronation
    [InlineData("2011-04-29", false)] // Royal wedding
    [InlineData("2025-12-24", true)] // Christmas Eve is not a bank holiday
    public void IsWorkingDay_Date_Expected(string iso, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(D(iso)));
    }

    [Theory]
    [InlineData("2025-06-06", 1, "2025-06-09")] // Friday over the weekend
    [InlineData("2025-06-07", 1, "2025-06-09")] // from Saturday
    [InlineData("2025-06-02", 5, "2025-06-09")] // a working week
    [InlineData("2025-04-17", 1, "2025-04-22")] // Maundy Thursday over Easter
    [InlineData("2025-12-24", 1, "2025-12-29")] // Christmas Eve
    [InlineData("2021-12-24", 1, "2021-12-29")] // Christmas and Boxing Day substitutes
    [InlineData("2022-12-23", 1, "2022-12-28")] // Boxing Day Monday, Christmas substitute Tuesday
    [InlineData("2026-12-24", 1, "2026-12-29")] // Boxing Day substitute Monday 28th
    [InlineData("2026-12-24", 2, "2026-12-30")]
    [InlineData("2027-12-24", 1, "2027-12-29")]
    [InlineData("2024-12-20", 5, "2024-12-31")]
    [InlineData("2022-06-01", 1, "2022-06-06")] // Platinum Jubilee Thursday and Friday
    [InlineData("2020-05-01", 1, "2020-05-04")] // Monday 4 May 2020 was a working day
    [InlineData("2020-05-07", 1, "2020-05-11")] // VE Day Friday
    [InlineData("2023-05-05", 1, "2023-05-09")] // Coronation Monday
    public void AddWorkingDays_AcrossWeekendsAndHolidays_ReturnsDeadline(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2025-04-22", -1, "2025-04-17")] // back over Easter
    [InlineData("2026-01-05", -3, "2025-12-30")] // back over New Year's Day and a weekend
    [InlineData("2025-12-29", -1, "2025-12-24")] // back over Christmas
    [InlineData("2025-06-09", -1, "2025-06-06")] // back over a weekend
    [InlineData("2025-06-08", -1, "2025-06-06")] // from Sunday
    public void AddWorkingDays_NegativeDays_CountsBackwards(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2025-06-07")] // Saturday
    [InlineData("2025-12-25")] // Christmas Day
    [InlineData("2025-06-09")]
    public void AddWorkingDays_ZeroDays_ReturnsStartUnchanged(string iso)
    {
        Assert.Equal(D(iso), Calendar.AddWorkingDays(D(iso), 0));
    }

    // Single assessment must be completed within 45 working days of the referral (Working Together 2023).
    [Theory]
    [InlineData("2019-11-15", "2020-01-22")]
    [InlineData("2022-04-25", "2022-06-30")] // early May, jubilee Thursday and Friday
    [InlineData("2024-11-04", "2025-01-09")]
    [InlineData("2025-11-03", "2026-01-08")] // Christmas, Boxing Day, New Year
    [InlineData("2025-12-01", "2026-02-05")]
    [InlineData("2026-03-02", "2026-05-07")] // Easter and early May
    [InlineData("2026-11-16", "2027-01-21")] // Boxing Day substitute on 28 December
    [InlineData("2027-02-15", "2027-04-21")] // Easter in March
    public void AddWorkingDays_AssessmentTimescaleFromReferral_Returns45thWorkingDay(string referral, string expected)
    {
        var deadline = Calendar.AddWorkingDays(D(referral), 45);

        Assert.Equal(D(expected), deadline);
        Assert.Equal(45, Calendar.WorkingDaysBetween(D(referral), deadline));
    }

    [Fact]
    public void With_DeploymentAddsOneOff_ShiftsDeadlinesAndLeavesDefaultsUntouched()
    {
        var hypothetical = new OneOffHoliday(D("2026-06-15"), "Hypothetical proclamation");

        var extended = Calendar.With(hypothetical);

        Assert.False(extended.IsWorkingDay(D("2026-06-15")));
        Assert.True(Calendar.IsWorkingDay(D("2026-06-15")));
        Assert.Equal(D("2026-06-16"), extended.AddWorkingDays(D("2026-06-12"), 1));
        Assert.Equal(D("2026-07-08"), extended.AddWorkingDays(D("2026-05-01"), 45));
        Assert.Equal(D("2026-07-07"), Calendar.AddWorkingDays(D("2026-05-01"), 45));
        Assert.True(extended.IsBankHoliday(D("2023-05-08"), out _)); // defaults are kept
    }

    [Fact]
    public void With_OneOffReplacesRuleDate_MovesTheHoliday()
    {
        var moved = Calendar.With(new OneOffHoliday(D("2030-05-10"), "Moved early May", Replaces: D("2030-05-06")));

        Assert.True(moved.IsWorkingDay(D("2030-05-06")));
        Assert.False(moved.IsWorkingDay(D("2030-05-10")));
        Assert.Equal(Calendar.HolidaysIn(2030).Count, moved.HolidaysIn(2030).Count);
        Assert.Equal(D("2030-05-13"), moved.AddWorkingDays(D("2030-05-09"), 1));
    }

    [Fact]
    public void With_RepeatedDefaultEntry_DoesNotDoubleCount()
    {
        var repeated = Calendar.With(new OneOffHoliday(D("2023-05-08"), "Coronation again"));

        Assert.Equal(Calendar.HolidaysIn(2023), repeated.HolidaysIn(2023));
    }

    [Fact]
    public void Constructor_ReplacesDateIsNotARuleHoliday_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new WorkingDayCalendar([new OneOffHoliday(D("2030-05-10"), "Typo", Replaces: D("2030-05-07"))]));
    }

    [Fact]
    public void Constructor_NoOneOffs_UsesRulesOnly()
    {
        var rulesOnly = new WorkingDayCalendar([]);

        Assert.True(rulesOnly.IsBankHoliday(D("2022-05-30"), out var name));
        Assert.Equal(BankHolidays.Spring, name);
        Assert.True(rulesOnly.IsWorkingDay(D("2022-09-19")));
    }

    [Theory]
    [InlineData(2019, 253)]
    [InlineData(2020, 254)]
    [InlineData(2021, 253)]
    [InlineData(2022, 250)]
    [InlineData(2023, 251)]
    [InlineData(2024, 254)]
    [InlineData(2025, 253)]
    [InlineData(2026, 253)]
    [InlineData(2027, 253)]
    public void WorkingDaysBetween_WholeYear_CountsPublishedWorkingDays(int year, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2025-06-06", "2025-06-09", 1)]
    [InlineData("2025-06-09", "2025-06-06", -1)]
    [InlineData("2025-06-07", "2025-06-08", 0)] // a weekend
    [InlineData("2025-06-09", "2025-06-09", 0)]
    [InlineData("2025-12-24", "2025-12-29", 1)]
    [InlineData("2025-12-29", "2025-12-24", -1)]
    public void WorkingDaysBetween_Dates_Expected(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));
    }

    [Theory]
    [InlineData("2021-12-20")]
    [InlineData("2022-05-28")]
    [InlineData("2025-04-19")]
    [InlineData("2026-12-26")]
    public void WorkingDaysBetween_RoundTripWithAddWorkingDays_ReturnsDays(string iso)
    {
        var start = D(iso);
        for (var n = -60; n <= 60; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
        }
    }

    [Fact]
    public void WorkingDaysBetween_AnyRange_MatchesDayByDayCount()
    {
        var origin = D("2019-12-20");
        for (var offset = 0; offset < 400; offset += 3)
        {
            var from = origin.AddDays(offset);
            for (var span = -20; span <= 40; span++)
            {
                var to = from.AddDays(span);
                var expected = 0;
                for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
                {
                    expected += Calendar.IsWorkingDay(d) ? 1 : 0;
                }

                for (var d = to; d < from; d = d.AddDays(1))
                {
                    expected -= Calendar.IsWorkingDay(d) ? 1 : 0;
                }

                Assert.Equal(expected, Calendar.WorkingDaysBetween(from, to));
            }
        }
    }

    [Theory]
    [InlineData("2025-04-17", "2025-04-22")] // strictly after, over Easter
    [InlineData("2025-06-09", "2025-06-10")] // a working day still moves on
    [InlineData("2025-06-07", "2025-06-09")]
    public void NextWorkingDay_Date_ReturnsFirstWorkingDayAfter(string iso, string expected)
    {
        Assert.Equal(D(expected), Calendar.NextWorkingDay(D(iso)));
    }

    [Theory]
    [InlineData("2025-06-09", "2025-06-09")]
    [InlineData("2025-12-25", "2025-12-29")]
    [InlineData("2025-06-07", "2025-06-09")]
    public void WorkingDayOnOrAfter_Date_ReturnsSameOrNextWorkingDay(string iso, string expected)
    {
        Assert.Equal(D(expected), Calendar.WorkingDayOnOrAfter(D(iso)));
    }

    [Theory]
    [InlineData("2025-04-22", "2025-04-17")]
    [InlineData("2025-06-09", "2025-06-06")]
    public void PreviousWorkingDay_Date_ReturnsLastWorkingDayBefore(string iso, string expected)
    {
        Assert.Equal(D(expected), Calendar.PreviousWorkingDay(D(iso)));
    }

    [Fact]
    public void HolidaysIn_CalledConcurrently_ReturnsSameHolidays()
    {
        var calendar = new WorkingDayCalendar(OneOffHolidays.EnglandAndWales);
        var years = Enumerable.Range(0, 400).Select(i => 2000 + (i % 40)).ToArray();

        var results = years.AsParallel().Select(y => (Year: y, Holidays: calendar.HolidaysIn(y))).ToArray();

        Assert.All(results, r => Assert.Equal(BankHolidays.ForYear(r.Year).Count >= 8, r.Holidays.Count >= 8));
        Assert.All(results, r => Assert.Same(calendar.HolidaysIn(r.Year), r.Holidays));
    }
}
