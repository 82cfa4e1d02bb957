using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using Xunit;

namespace ChildrenServices.Domain.Tests.FrontDoor;

public sealed class DecisionDeadlineTests
{
    private static DateTime T(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-24 09:30", "2026-11-25 09:30")] // Tuesday → Wednesday
    [InlineData("2026-11-27 15:00", "2026-11-30 15:00")] // Friday → Monday
    [InlineData("2026-11-28 10:00", "2026-11-30 23:59")] // Saturday → end of Monday
    [InlineData("2026-11-29 23:50", "2026-11-30 23:59")] // Sunday night → end of Monday
    [InlineData("2026-12-24 11:00", "2026-12-29 11:00")] // Christmas Eve → Tuesday (Christmas, weekend, Boxing Day substitute)
    [InlineData("2026-12-25 08:00", "2026-12-29 23:59")] // Christmas Day itself → end of the next working day
    [InlineData("2027-03-25 16:45", "2027-03-30 16:45")] // Thursday before Good Friday → Tuesday after Easter Monday
    [InlineData("2027-05-28 09:00", "2027-06-01 09:00")] // Friday before the spring bank holiday
    [InlineData("2026-12-31 17:00", "2027-01-04 17:00")] // New Year's Eve (Thursday) → past New Year's Day and the weekend
    public void Due_IsOneWorkingDayAfterReceipt(string received, string due) =>
        Assert.Equal(T(due), DecisionDeadline.Due(T(received), WorkingDayCalendar.EnglandAndWales));

    [Fact]
    public void Due_UsesTheDeploymentsOneOffHolidays()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales.With(new OneOffHoliday(new DateOnly(2026, 11, 25), "Local closure"));

        Assert.Equal(T("2026-11-26 09:30"), DecisionDeadline.Due(T("2026-11-24 09:30"), calendar));
    }

    [Theory]
    [InlineData("2026-11-24", "2025-11-25", true)]  // 364 days
    [InlineData("2026-11-24", "2025-11-24", true)]  // exactly 12 months
    [InlineData("2026-11-24", "2025-11-23", false)] // 366 days
    [InlineData("2028-02-29", "2027-02-28", true)]  // leap day: 12 months back is 28 February
    [InlineData("2028-02-29", "2027-02-27", false)]
    [InlineData("2026-11-24", "2026-11-24", true)]  // same day (a second referral the same day)
    [InlineData("2026-11-24", "2026-11-25", false)] // a later referral is never "previous"
    public void ReReferral_IsWithinTwelveMonthsOfThePreviousReferral(string referral, string previous, bool expected) =>
        Assert.Equal(expected, Referral.IsReReferralAfter(DateOnly.Parse(referral, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Referral_AssessmentIsDue45WorkingDaysFromTheReferralDate_AcrossChristmas()
    {
        var referral = new Referral(Guid.NewGuid(), null, new DateOnly(2026, 12, 1), "2A", "N1", Guid.NewGuid(), false, null, WorkingDayCalendar.EnglandAndWales);

        // December 2026 has 25 and 28 December as bank holidays; 1 January 2027 too.
        Assert.Equal(new DateOnly(2027, 2, 5), referral.AssessmentDueOn);
    }
}
