using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>
/// The CIN census's NumberOfPreviousCPP (required on every plan, rule 8730): the plans recorded here before this one,
/// and the plans under other councils the initial conference was told of, where the history is elsewhere.
/// </summary>
public sealed class PreviousPlansTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly WorkingDayCalendar Calendar = new(OneOffHolidays.EnglandAndWales);
    private static readonly Guid Child = Guid.CreateVersion7();

    private static ChildProtectionEnquiry ConferenceOn(DateOnly heldOn)
    {
        var referral = new Referral(Child, null, heldOn.AddDays(-14), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var enquiry = new ChildProtectionEnquiry(referral, referral.ReferralDate, "Police, school", true, "Injury.", Calendar, Today);
        enquiry.RecordSection47Outcome(referral.ReferralDate, "Harm likely.", true, Today);
        enquiry.RecordConference(heldOn, ConferenceOutcome.ChildProtectionPlan, "NEG", Guid.CreateVersion7(), Today);
        return enquiry;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Rule8730_ANumberOfPlansElsewhere_BelowNoneOrPastTwenty_IsRefused(int elsewhere)
    {
        var refused = Assert.Throws<DomainRuleException>(() => new ChildProtectionPlan(ConferenceOn(new DateOnly(2026, 11, 9)), elsewhere));

        Assert.Equal((nameof(ChildProtectionPlan.PreviousPlansElsewhere), ChildProtectionPlan.PreviousPlansElsewhereOutOfRange), (refused.Field, refused.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Rule8730_AFirstPlanHere_CountsThePlansElsewhereTheConferenceWasToldOf(int elsewhere)
    {
        var plan = new ChildProtectionPlan(ConferenceOn(new DateOnly(2026, 11, 9)), elsewhere);

        Assert.Equal(elsewhere, plan.NumberOfPreviousPlans([plan]));
    }

    [Fact]
    public void Rule8730_ALaterPlan_CountsTheEarlierPlanHere_AndTheHistoryElsewhereOnce_NotTwice()
    {
        var first = new ChildProtectionPlan(ConferenceOn(new DateOnly(2025, 3, 3)), 2);
        var toldAgain = new ChildProtectionPlan(ConferenceOn(new DateOnly(2026, 11, 9)), 2);
        var anotherSince = new ChildProtectionPlan(ConferenceOn(new DateOnly(2026, 11, 9)), 3);
        var notToldThisTime = new ChildProtectionPlan(ConferenceOn(new DateOnly(2026, 11, 9)));

        Assert.Equal(2, first.NumberOfPreviousPlans([first, toldAgain]));
        Assert.Equal(3, toldAgain.NumberOfPreviousPlans([first, toldAgain]));
        Assert.Equal(4, anotherSince.NumberOfPreviousPlans([first, anotherSince]));
        Assert.Equal(3, notToldThisTime.NumberOfPreviousPlans([first, notToldThisTime]));
    }
}
