using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>
/// Plans that cannot overlap, named with the CIN census rule each protects. Today is Tuesday 24 November 2026;
/// the referral is dated Monday 2 November 2026.
/// </summary>
public sealed class PlanOverlapTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly WorkingDayCalendar Calendar = new(OneOffHolidays.EnglandAndWales);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Referral Referral = new(Child, null, new DateOnly(2026, 11, 2), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);

    private static ChildProtectionPlan PlanFrom(DateOnly conference)
    {
        var enquiry = new ChildProtectionEnquiry(Referral, Referral.ReferralDate, "Police, school", true, "Injury.", Calendar, Today);
        enquiry.RecordSection47Outcome(Referral.ReferralDate, "Harm likely.", true, Today);
        enquiry.RecordConference(conference, ConferenceOutcome.ChildProtectionPlan, "NEG", Guid.CreateVersion7(), Today);
        return new ChildProtectionPlan(enquiry);
    }

    private static ChildProtectionPlan EndedPlan(DateOnly conference, DateOnly endedAtReview)
    {
        var plan = PlanFrom(conference);
        plan.RecordReview(endedAtReview, false, null, "Risks reduced.", Guid.CreateVersion7(), Today);
        return plan;
    }

    [Fact]
    public void Rule8935_ASecondOpenChildProtectionPlan_IsRefused_OnTheOutcome()
    {
        var refused = Assert.Throws<DomainRuleException>(() => PlanOverlap.EnsureChildProtectionPlanCanStart(Today, [PlanFrom(new DateOnly(2026, 11, 10))]));

        Assert.Equal(("Outcome", PlanOverlap.SecondOpenChildProtectionPlan), (refused.Field, refused.Message));
        PlanOverlap.EnsureChildProtectionPlanCanStart(Today, [EndedPlan(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 20))]);
    }

    [Fact]
    public void Rule8940_APlanStartingBeforeAnEarlierOneEnded_IsRefused_ButOneStartingTheDayItEnded_IsNot()
    {
        var earlier = EndedPlan(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 20));

        var refused = Assert.Throws<DomainRuleException>(() => PlanOverlap.EnsureChildProtectionPlanCanStart(new DateOnly(2026, 11, 19), [earlier]));

        Assert.Equal(("HeldOn", "An earlier child protection plan ran until 20 November 2026: a new plan cannot start before then (CIN rule 8940)"), (refused.Field, refused.Message));
        PlanOverlap.EnsureChildProtectionPlanCanStart(new DateOnly(2026, 11, 20), [earlier]);
    }

    [Fact]
    public void Rule4016_AChildInNeedPlan_CannotStartWhileAChildProtectionPlanIsOpen()
    {
        var refused = Assert.Throws<DomainRuleException>(() => PlanOverlap.EnsureChildInNeedPlanCanStart(Today, [PlanFrom(new DateOnly(2026, 11, 10))]));

        Assert.Equal("StartedOn", refused.Field);
        Assert.Contains("CIN rule 4016", refused.Message, StringComparison.Ordinal);
        PlanOverlap.EnsureChildInNeedPlanCanStart(Today, []);
    }

    [Fact]
    public void Rule4017_AChildInNeedPlan_CannotStartBeforeAChildProtectionPlanEnded_ButCanOnTheDayItEnded()
    {
        var ended = EndedPlan(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 20));

        var refused = Assert.Throws<DomainRuleException>(() => PlanOverlap.EnsureChildInNeedPlanCanStart(new DateOnly(2026, 11, 19), [ended]));

        Assert.Equal(("StartedOn", "A child protection plan ran until 20 November 2026: a child in need plan cannot start before then (CIN rule 4017)"), (refused.Field, refused.Message));
        PlanOverlap.EnsureChildInNeedPlanCanStart(new DateOnly(2026, 11, 20), [ended]);
    }

    [Fact]
    public void Rule4001_AChildProtectionPlanStarting_EndsTheChildInNeedPlanThatDay_UnlessTheChildInNeedPlanHasWorkAfterIt()
    {
        var cin = new ChildInNeedPlan(Referral, new DateOnly(2026, 11, 9), Today);
        cin.RecordVisit(new DateOnly(2026, 11, 18), true, false, Today);

        var afterTheConference = Assert.Throws<DomainRuleException>(() => cin.EndAsChildProtectionPlanStarts(new DateOnly(2026, 11, 17)));
        var beforeThePlan = Assert.Throws<DomainRuleException>(() => new ChildInNeedPlan(Referral, new DateOnly(2026, 11, 9), Today).EndAsChildProtectionPlanStarts(new DateOnly(2026, 11, 6)));
        cin.EndAsChildProtectionPlanStarts(new DateOnly(2026, 11, 18));

        Assert.Equal(("HeldOn", "HeldOn"), (afterTheConference.Field, beforeThePlan.Field));
        Assert.Contains("18 November 2026", afterTheConference.Message, StringComparison.Ordinal);
        Assert.Contains("CIN rule 4017", beforeThePlan.Message, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 11, 18), ChildInNeedPlan.EndedByChildProtectionPlan), (cin.EndedOn, cin.EndReason));
    }
}
