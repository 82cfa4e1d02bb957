using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>
/// A child protection plan ending outside a review conference, for a reason life gave. The plan started at the
/// conference on Tuesday 10 November 2026; today is Tuesday 24 November 2026.
/// </summary>
public sealed class ChildProtectionPlanEndTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly Started = new(2026, 11, 10);
    private static readonly WorkingDayCalendar Calendar = new(OneOffHolidays.EnglandAndWales);

    private static ChildProtectionPlan Plan()
    {
        var referral = new Referral(Guid.CreateVersion7(), null, new DateOnly(2026, 11, 2), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var enquiry = new ChildProtectionEnquiry(referral, referral.ReferralDate, "Police, school", true, "Injury.", Calendar, Today);
        enquiry.RecordSection47Outcome(referral.ReferralDate, "Harm likely.", true, Today);
        enquiry.RecordConference(Started, ConferenceOutcome.ChildProtectionPlan, "NEG", Guid.CreateVersion7(), Today);
        return new ChildProtectionPlan(enquiry);
    }

    [Fact]
    public void AMoveToAnotherCouncil_EndsThePlanThatDay_WithTheReasonKeptApartFromTheCensusDate()
    {
        var plan = Plan();

        plan.EndOutsideConference(new DateOnly(2026, 11, 20), ChildProtectionPlanEnd.MovedToAnotherCouncil, "Moved to Leeds; their conference is booked.", new DateOnly(2019, 5, 1), Today);

        Assert.Equal((new DateOnly(2026, 11, 20), ChildProtectionPlanEnd.MovedToAnotherCouncil), (plan.EndedOn, plan.EndedBy));
        Assert.Equal("The child moved to another council: Moved to Leeds; their conference is booked.", plan.EndReason);
        Assert.False(plan.IsOpen);
    }

    [Fact]
    public void Rule8840_APlanCannotEndOnTheDayItStarted()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Plan().EndOutsideConference(Started, ChildProtectionPlanEnd.ChildDied, "x", null, Today));

        Assert.Equal(("EndedOn", "The plan cannot end on or before the day it started, 10 November 2026 (CIN rule 8840)"), (refused.Field, refused.Message));
        Plan().EndOutsideConference(Started.AddDays(1), ChildProtectionPlanEnd.ChildDied, "x", null, Today);
    }

    [Fact]
    public void TheEnd_IsNotBeforeTheLastVisit_NorInTheFuture_NorForAReviewConference_NorWithoutWhatHappened()
    {
        var plan = Plan();
        plan.RecordVisit(new DateOnly(2026, 11, 18), true, true, Today);

        var beforeVisit = Assert.Throws<DomainRuleException>(() => plan.EndOutsideConference(new DateOnly(2026, 11, 17), ChildProtectionPlanEnd.Adopted, "x", null, Today));
        var future = Assert.Throws<DomainRuleException>(() => plan.EndOutsideConference(Today.AddDays(1), ChildProtectionPlanEnd.Adopted, "x", null, Today));
        var conference = Assert.Throws<DomainRuleException>(() => plan.EndOutsideConference(Today, ChildProtectionPlanEnd.ReviewConference, "x", null, Today));
        var silent = Assert.Throws<DomainRuleException>(() => plan.EndOutsideConference(Today, ChildProtectionPlanEnd.Adopted, " ", null, Today));

        Assert.Equal(("EndedOn", "EndedOn", "Reason", "Details"), (beforeVisit.Field, future.Field, conference.Field, silent.Field));
        Assert.True(plan.IsOpen);
        plan.EndOutsideConference(new DateOnly(2026, 11, 18), ChildProtectionPlanEnd.Adopted, "Adoption order made.", null, Today);
        Assert.Throws<DomainRuleException>(() => plan.EndOutsideConference(Today, ChildProtectionPlanEnd.Adopted, "Again.", null, Today));
    }

    [Fact]
    public void Turning18_EndsThePlanOnlyFromThe18thBirthday_AndNeedsTheDateOfBirth()
    {
        var born = new DateOnly(2008, 11, 20);

        var early = Assert.Throws<DomainRuleException>(() => Plan().EndOutsideConference(new DateOnly(2026, 11, 19), ChildProtectionPlanEnd.Turned18, "x", born, Today));
        var unknown = Assert.Throws<DomainRuleException>(() => Plan().EndOutsideConference(new DateOnly(2026, 11, 20), ChildProtectionPlanEnd.Turned18, "x", null, Today));
        var plan = Plan();
        plan.EndOutsideConference(new DateOnly(2026, 11, 20), ChildProtectionPlanEnd.Turned18, "Referred to adult services.", born, Today);

        Assert.Equal("The child turns 18 on 20 November 2026: the plan cannot end for that reason before then", early.Message);
        Assert.Equal("Reason", unknown.Field);
        Assert.Equal(ChildProtectionPlanEnd.Turned18, plan.EndedBy);
    }

    [Fact]
    public void AReviewConferenceEndingThePlan_SaysSo()
    {
        var plan = Plan();

        plan.RecordReview(Today, false, null, "Risks reduced.", Guid.CreateVersion7(), Today);

        Assert.Equal(ChildProtectionPlanEnd.ReviewConference, plan.EndedBy);
    }
}
