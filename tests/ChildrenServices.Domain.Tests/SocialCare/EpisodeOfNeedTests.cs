using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>An episode of need is opened and closed properly: the CIN census rules each one protects.</summary>
public sealed class EpisodeOfNeedTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Team = Guid.CreateVersion7();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static Referral Referral() => new(Child, null, Today.AddDays(-30), "6", "N1", Team, false, null, Calendar);

    [Fact]
    public void Rule8868_Closure_WhileASection47EnquiryIsOpen_IsRefused_AndTheReferralStaysOpen()
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase(Section47Enquiry: true));

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Close("RC7", Today));

        Assert.Equal(("The section 47 enquiry is still open: record its outcome (and its conference) before the case closes", "ReasonCode"), (ex.Message, ex.Field));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.Null(referral.ClosedOn);
    }

    [Fact]
    public void Rule8868_Closure_OnceTheEnquiryIsConcluded_ClosesTheReferral()
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase(Section47Enquiry: false));

        childCase.Close("RC7", Today);

        Assert.Equal(ReferralStatus.Closed, referral.Status);
        Assert.Equal(Today, referral.ClosedOn);
    }

    [Fact]
    public void Rule8565_AStrategyDiscussion_OnAClosedReferral_IsRefused()
    {
        var referral = Referral();
        referral.Close(Today.AddDays(-2), "RC7");

        var ex = Assert.Throws<DomainRuleException>(() =>
            new ChildProtectionEnquiry(referral, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today));

        Assert.Equal(("The referral is closed, so no strategy discussion or enquiry can be recorded on it", "HeldOn"), (ex.Message, ex.Field));
    }

    [Fact]
    public void Rule8565_AStrategyDiscussion_OnAWithdrawnReferral_IsRefused_AndOnAnOpenOne_IsRecorded()
    {
        var withdrawn = Referral();
        withdrawn.Withdraw("Front-door decision corrected");
        Assert.Throws<DomainRuleException>(() =>
            new ChildProtectionEnquiry(withdrawn, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today));

        var open = Referral();
        var enquiry = new ChildProtectionEnquiry(open, Today.AddDays(-1), "Police, school", true, "Disclosure at school.", Calendar, Today);

        Assert.Equal(open.Id, enquiry.ReferralId);
    }

    [Fact]
    public void Rule8565_AChildInNeedPlan_OnAClosedReferral_IsRefused()
    {
        var referral = Referral();
        referral.Close(Today.AddDays(-2), "RC7");

        var ex = Assert.Throws<DomainRuleException>(() => new ChildInNeedPlan(referral, Today, Today));

        Assert.Equal("StartedOn", ex.Field);
    }

    private static readonly Guid Manager = Guid.CreateVersion7();

    private static readonly RecordedOnReferral Nothing = new(0, 0, 0, 0);

    [Fact]
    public void ReferralNfa_WithNothingRecorded_ClosesTheEpisode_MarkedNoFurtherAction_AndEndsTheTeamsAllocations()
    {
        var referral = Referral();
        var worker = new Allocation(Child, Guid.CreateVersion7(), Team, AllocationRole.Lead, Today.AddDays(-29), Manager);
        var childCase = new ChildCase(Child, [worker], referral, new OpenOnCase());

        childCase.EndReferralWithNoFurtherAction(referral, Today.AddDays(-29), "RC7", "Information only: the family's needs are met by school.", Manager, Nothing, Today);

        Assert.True(referral.NoFurtherAction);
        Assert.Equal((ReferralStatus.Closed, Today.AddDays(-29), "RC7"), (referral.Status, referral.ClosedOn, referral.ClosureReasonCode));
        Assert.Equal(Manager, referral.NoFurtherActionById);
        Assert.Equal("Information only: the family's needs are met by school.", referral.NoFurtherActionRationale);
        Assert.Equal(Today, worker.EndedOn);
        Assert.Null(childCase.OpenReferral);
    }

    [Theory]
    [InlineData(1, 0, 0, 0, "an assessment")]
    [InlineData(0, 1, 0, 0, "a strategy discussion or section 47 enquiry")]
    [InlineData(0, 0, 1, 0, "a child in need plan")]
    [InlineData(1, 1, 0, 1, "an assessment, a strategy discussion or section 47 enquiry and a child protection plan")]
    public void Rule8831_ReferralNfa_WithActivityRecorded_IsRefused_AndTheReferralStaysOpen(int assessments, int enquiries, int cinPlans, int cpPlans, string what)
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase());

        var ex = Assert.Throws<DomainRuleException>(() =>
            childCase.EndReferralWithNoFurtherAction(referral, Today, "RC7", "No further action.", Manager, new RecordedOnReferral(assessments, enquiries, cinPlans, cpPlans), Today));

        Assert.Equal(($"The referral already has {what} recorded on it, so it did not end with no further action: close the case instead", "ClosedOn"), (ex.Message, ex.Field));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.False(referral.NoFurtherAction);
    }

    [Theory]
    [InlineData("RC8")]
    [InlineData("RC9")]
    public void Rule8825Q_ReferralNfa_WithAnAfterAssessmentClosureReason_IsRefused(string code)
    {
        var referral = Referral();

        var ex = Assert.Throws<DomainRuleException>(() => referral.EndWithNoFurtherAction(Today, code, "No further action.", Manager, Nothing, Today));

        Assert.Equal("ReasonCode", ex.Field);
        Assert.Equal(ReferralStatus.Open, referral.Status);
    }

    [Fact]
    public void ReferralNfa_InTheFuture_OrBeforeTheReferral_IsRefused()
    {
        var referral = Referral();

        Assert.Equal("ClosedOn", Assert.Throws<DomainRuleException>(() => referral.EndWithNoFurtherAction(Today.AddDays(1), "RC7", "x", Manager, Nothing, Today)).Field);
        Assert.Equal("ClosedOn", Assert.Throws<DomainRuleException>(() => referral.EndWithNoFurtherAction(referral.ReferralDate.AddDays(-1), "RC7", "x", Manager, Nothing, Today)).Field);
        Assert.Equal(ReferralStatus.Open, referral.Status);
    }

    [Fact]
    public void ReferralNfa_ForALookedAfterChild_IsRefused()
    {
        var referral = Referral();
        var childCase = new ChildCase(Child, [], referral, new OpenOnCase(PeriodOfCare: true));

        var ex = Assert.Throws<DomainRuleException>(() => childCase.EndReferralWithNoFurtherAction(referral, Today, "RC7", "x", Manager, Nothing, Today));

        Assert.Equal("ClosedOn", ex.Field);
        Assert.Equal(ReferralStatus.Open, referral.Status);
    }

    [Fact]
    public void Rule8831_AfterReferralNfa_NoAssessmentOrStrategyDiscussionCanBeRecordedOnIt()
    {
        var referral = Referral();
        referral.EndWithNoFurtherAction(Today, "RC7", "No further action.", Manager, Nothing, Today);

        Assert.Throws<DomainRuleException>(() => new ChildAndFamilyAssessment(referral, Today, Guid.CreateVersion7(), Today));
        Assert.Throws<DomainRuleException>(() =>
            new ChildProtectionEnquiry(referral, Today, "Police, school", true, "Disclosure at school.", Calendar, Today));
    }

    [Fact]
    public void PrimaryNeed_RevisedAtAuthorisation_KeepsTheFrontDoorsChoiceAsTheFirst_AndEachRevision()
    {
        var referral = Referral();
        var assessment = Guid.CreateVersion7();

        referral.RevisePrimaryNeed("N4", Today.AddDays(-1), Manager, assessment);
        referral.RevisePrimaryNeed("N4", Today, Manager, assessment); // the same need again changes nothing
        referral.RevisePrimaryNeed("N2", Today, Manager, null);

        Assert.Equal(("N1", "N2"), (referral.FirstPrimaryNeedCode, referral.PrimaryNeedCode));
        Assert.Equal([("N1", "N4", Today.AddDays(-1)), ("N4", "N2", Today)], referral.PrimaryNeedRevisions.Select(r => (r.FromCode, r.ToCode, r.RevisedOn)));
        Assert.Equal(assessment, referral.PrimaryNeedRevisions[0].AssessmentId);
    }

    [Fact]
    public void PrimaryNeed_OnAClosedReferral_CannotBeRevised()
    {
        var referral = Referral();
        referral.Close(Today, "RC7");

        Assert.Equal("PrimaryNeedCode", Assert.Throws<DomainRuleException>(() => referral.RevisePrimaryNeed("N4", Today, Manager, null)).Field);
        Assert.Equal("N1", referral.PrimaryNeedCode);
    }

    [Fact]
    public void Rule8565_ATransferInConference_OnAClosedReferral_IsRefused_AndOnAnOpenOne_MakesAPlanWithoutAnEnquiry()
    {
        var closed = Referral();
        closed.Close(Today.AddDays(-2), "RC7");
        var ex = Assert.Throws<DomainRuleException>(() => ChildProtectionPlan.FromTransferInConference(closed, Today, "NEG", "Northfield County Council", 1, Manager, Today));
        Assert.Equal("HeldOn", ex.Field);

        var plan = ChildProtectionPlan.FromTransferInConference(Referral(), Today, "NEG", " Northfield County Council ", 1, Manager, Today);

        Assert.True(plan.IsTransferIn);
        Assert.Equal((null, "Northfield County Council", Today, 1), (plan.EnquiryId, plan.TransferredFrom, plan.StartedOn, plan.NumberOfPreviousPlans([plan])));
    }

    [Theory]
    [InlineData(-31, "NEG", "Northfield", 1, "HeldOn")] // before the referral
    [InlineData(1, "NEG", "Northfield", 1, "HeldOn")] // in the future
    [InlineData(0, "XYZ", "Northfield", 1, "InitialCategory")]
    [InlineData(0, "NEG", " ", 1, "TransferredFrom")]
    [InlineData(0, "NEG", "Northfield", 0, "PreviousPlansElsewhere")] // the plan the child came under is one
    [InlineData(0, "NEG", "Northfield", 21, "PreviousPlansElsewhere")]
    public void ATransferInConference_WithAnImpossibleAnswer_IsRefusedOnItsField(int days, string category, string from, int elsewhere, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => ChildProtectionPlan.FromTransferInConference(Referral(), Today.AddDays(days), category, from, elsewhere, Manager, Today));

        Assert.Equal(field, ex.Field);
    }
}
