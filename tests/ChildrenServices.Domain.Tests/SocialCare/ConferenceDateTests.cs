using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>
/// Conferences are held on weekdays (CIN census rule 8875 for the initial conference; review conferences the same).
/// Today is Tuesday 24 November 2026; Saturday 21 and Sunday 22 November are the weekend before it.
/// </summary>
public sealed class ConferenceDateTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly WorkingDayCalendar Calendar = new(OneOffHolidays.EnglandAndWales);
    private static readonly Guid Chair = Guid.CreateVersion7();

    private static ChildProtectionEnquiry EnquiryCallingForAConference()
    {
        var referral = new Referral(Guid.CreateVersion7(), null, new DateOnly(2026, 11, 2), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var enquiry = new ChildProtectionEnquiry(referral, referral.ReferralDate, "Police, school", true, "Injury.", Calendar, Today);
        enquiry.RecordSection47Outcome(new DateOnly(2026, 11, 5), "Harm likely.", true, Today);
        return enquiry;
    }

    [Theory]
    [InlineData(21, "21 November 2026 is a Saturday")]
    [InlineData(22, "22 November 2026 is a Sunday")]
    public void Rule8875_AnInitialConferenceOnAWeekend_IsRefused_OnItsDate(int day, string why)
    {
        var enquiry = EnquiryCallingForAConference();

        var refused = Assert.Throws<DomainRuleException>(() => enquiry.RecordConference(new DateOnly(2026, 11, day), ConferenceOutcome.ChildProtectionPlan, "NEG", Chair, Today));

        Assert.Equal("HeldOn", refused.Field);
        Assert.Equal($"The initial conference cannot be on a weekend: {why}. Check the date", refused.Message);
        Assert.Null(enquiry.ConferenceHeldOn);
    }

    [Fact]
    public void Rule8875_AnInitialConferenceOnAWeekday_IsRecorded_EvenOnABankHoliday()
    {
        var friday = EnquiryCallingForAConference();
        friday.RecordConference(new DateOnly(2026, 11, 20), ConferenceOutcome.ChildProtectionPlan, "NEG", Chair, Today);
        Assert.Equal(new DateOnly(2026, 11, 20), friday.ConferenceHeldOn);

        // The census rule is about weekends only; a conference on a bank holiday is unusual but not refused.
        var referral = new Referral(Guid.CreateVersion7(), null, new DateOnly(2026, 8, 3), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var enquiry = new ChildProtectionEnquiry(referral, referral.ReferralDate, "Police", true, "Injury.", Calendar, Today);
        enquiry.RecordSection47Outcome(new DateOnly(2026, 8, 10), "Harm likely.", true, Today);
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2026, 8, 31)));
        enquiry.RecordConference(new DateOnly(2026, 8, 31), ConferenceOutcome.ChildInNeedPlan, null, Chair, Today);
        Assert.Equal(new DateOnly(2026, 8, 31), enquiry.ConferenceHeldOn);
    }

    [Fact]
    public void AReviewConferenceOnAWeekend_IsRefused_AndOnAWeekday_IsRecorded()
    {
        var enquiry = EnquiryCallingForAConference();
        enquiry.RecordConference(new DateOnly(2026, 11, 9), ConferenceOutcome.ChildProtectionPlan, "NEG", Chair, Today);
        var plan = new ChildProtectionPlan(enquiry);

        var refused = Assert.Throws<DomainRuleException>(() => plan.RecordReview(new DateOnly(2026, 11, 22), true, "NEG", "Plan continues.", Chair, Today));

        Assert.Equal(("HeldOn", "The review conference cannot be on a weekend: 22 November 2026 is a Sunday. Check the date"), (refused.Field, refused.Message));
        Assert.Empty(plan.Reviews);
        plan.RecordReview(new DateOnly(2026, 11, 23), true, "NEG", "Plan continues.", Chair, Today);
        Assert.Single(plan.Reviews);
    }
}
