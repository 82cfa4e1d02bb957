using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.Allocations;

/// <summary>The rules of a child's case, in the one place they live: one lead, co-working, and nothing closes over open work.</summary>
public sealed class ChildCaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Manager = Guid.CreateVersion7();
    private static readonly Guid AssessmentTeam = Guid.CreateVersion7();
    private static readonly Guid EarlyHelpTeam = Guid.CreateVersion7();
    private static readonly Guid OtherTeam = Guid.CreateVersion7();

    private static Allocation Held(Guid worker, Guid team, AllocationRole role, int daysAgo = 10) =>
        new(Child, worker, team, role, Today.AddDays(-daysAgo), Manager);

    private static Referral OpenReferral(Guid team) =>
        new(Child, null, Today.AddDays(-20), "5D", "N1", team, false, null, new WorkingDayCalendar([]));

    private static ChildCase Case(OpenOnCase? open = null, Referral? referral = null, params Allocation[] allocations) =>
        new(Child, allocations, referral, open ?? new OpenOnCase());

    private static int Leads(ChildCase c) => c.Allocations.Count(a => a.Role == AllocationRole.Lead);

    [Fact]
    public void Allocate_ANewLead_EndsTheOldLeadTheDayBefore_AndLeadsAlone()
    {
        var old = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var childCase = Case(allocations: old);

        var lead = childCase.Allocate(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead, Today, Manager, "MANAGE");

        Assert.Equal(Today.AddDays(-1), old.EndedOn);
        Assert.Same(lead, childCase.Lead);
        Assert.Equal(1, Leads(childCase));
    }

    [Fact]
    public void Allocate_ACoWorker_LeavesTheLeadInPlace()
    {
        var lead = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var childCase = Case(allocations: lead);

        childCase.Allocate(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager);

        Assert.Null(lead.EndedOn);
        Assert.Same(lead, childCase.Lead);
        Assert.Equal(2, childCase.Allocations.Count);
    }

    [Fact]
    public void Allocate_AWorkerAlreadyOnTheCase_IsRefused()
    {
        var worker = Guid.CreateVersion7();
        var childCase = Case(allocations: Held(worker, AssessmentTeam, AllocationRole.CoWorker));

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Allocate(worker, AssessmentTeam, AllocationRole.Lead, Today, Manager));

        Assert.Equal((ChildCase.Refusals.AlreadyAllocated, "WorkerId"), (ex.Message, ex.Field));
    }

    [Fact]
    public void Allocate_ALeadFromATeamNotHoldingTheCase_IsRefused_ACoWorkerFromItIsNot()
    {
        var lead = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var childCase = Case(allocations: lead);

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Allocate(Guid.CreateVersion7(), OtherTeam, AllocationRole.Lead, Today, Manager));
        childCase.Allocate(Guid.CreateVersion7(), OtherTeam, AllocationRole.CoWorker, Today, Manager);

        Assert.Equal((ChildCase.Refusals.HeldByAnotherTeam, "WorkerId"), (ex.Message, ex.Field));
        Assert.Equal((AssessmentTeam, (DateOnly?)null), (childCase.HoldingTeamId, lead.EndedOn));
        Assert.Equal(2, childCase.Allocations.Count);
    }

    [Fact]
    public void Allocate_ALeadFromTheTeamTheOpenReferralWentTo_TakesTheLeadFromAnotherTeamsWorker()
    {
        // A family with an early help keyworker, referred by the front door to the assessment team.
        var keyworker = Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.Lead);
        var childCase = Case(referral: OpenReferral(AssessmentTeam), allocations: keyworker);

        childCase.Allocate(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead, Today, Manager, "MANAGE");

        Assert.Equal(AssessmentTeam, childCase.HoldingTeamId);
        Assert.Equal(1, Leads(childCase));
    }

    [Fact]
    public void HoldingTeam_IsTheLeads_NeverACoWorkers()
    {
        var childCase = Case(referral: OpenReferral(OtherTeam), allocations: [Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.CoWorker), Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead)]);
        Assert.Equal(AssessmentTeam, childCase.HoldingTeamId);

        var coWorkedOnly = Case(referral: OpenReferral(OtherTeam), allocations: Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.CoWorker));
        Assert.Equal(OtherTeam, coWorkedOnly.HoldingTeamId);
    }

    [Fact]
    public void StepUp_TheKeyworkerStaysAsCoWorker_SoTheSocialWorkerCanLead()
    {
        var keyworker = Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.Lead);
        var childCase = Case(allocations: keyworker);

        childCase.StepUp(EarlyHelpTeam);
        childCase.Allocate(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead, Today, Manager, "MANAGE");

        Assert.Equal((AllocationRole.CoWorker, (DateOnly?)null), (keyworker.Role, keyworker.EndedOn));
        Assert.Equal(AssessmentTeam, childCase.HoldingTeamId);
        Assert.Equal(1, Leads(childCase));
    }

    [Fact]
    public void StepDown_TheCoWorkingKeyworkerLeads_TheSocialWorkerEnds_AndTheReferralClosesWithTheStagesCode()
    {
        var socialWorker = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var keyworkerId = Guid.CreateVersion7();
        var keyworker = Held(keyworkerId, EarlyHelpTeam, AllocationRole.CoWorker);
        var referral = OpenReferral(AssessmentTeam);
        var childCase = Case(referral: referral, allocations: [socialWorker, keyworker]);

        var started = childCase.StepDown(keyworkerId, EarlyHelpTeam, [EarlyHelpTeam], "RC9", Today, Manager);

        Assert.Equal(Today, socialWorker.EndedOn);
        Assert.Equal(Today, keyworker.EndedOn);
        Assert.Same(started, childCase.Lead);
        Assert.Equal((keyworkerId, EarlyHelpTeam, Today), (started!.WorkerId, started.TeamId, started.StartedOn));
        Assert.Equal(1, Leads(childCase));
        Assert.Equal((ReferralStatus.Closed, "RC9"), (referral.Status, referral.ClosureReasonCode));
    }

    [Fact]
    public void StepDown_ToANewKeyworker_StartsTheirLead()
    {
        var childCase = Case(referral: OpenReferral(AssessmentTeam), allocations: Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead));

        var started = childCase.StepDown(Guid.CreateVersion7(), EarlyHelpTeam, [EarlyHelpTeam], "RC7", Today, Manager);

        Assert.Same(started, childCase.Lead);
        Assert.Single(childCase.Allocations);
    }

    [Theory]
    [InlineData(true, false, false, "The child protection plan is still open: it ends at a review conference, or is ended for a reason such as a move to another council, before the family can step down")]
    [InlineData(false, true, false, "The section 47 enquiry is still open: record its outcome (and its conference) before the family can step down")]
    [InlineData(false, false, true, "The child is looked after: the period of care must end before the family can step down")]
    public void EnsureCanStepDown_WhileStatutoryWorkIsOpen_IsRefused(bool cpPlan, bool enquiry, bool care, string message)
    {
        var childCase = Case(new OpenOnCase(ChildProtectionPlan: cpPlan, Section47Enquiry: enquiry, PeriodOfCare: care), OpenReferral(AssessmentTeam));

        var ex = Assert.Throws<DomainRuleException>(childCase.EnsureCanStepDown);

        Assert.Equal((message, "Stage"), (ex.Message, ex.Field));
    }

    [Fact]
    public void EnsureCanStepDown_WithOneWaiting_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(Case(new OpenOnCase(PendingStepDown: true), OpenReferral(AssessmentTeam)).EnsureCanStepDown);
        Assert.Equal((ChildCase.Refusals.StepDownPending, "Reasons"), (ex.Message, ex.Field));
    }

    [Theory]
    [InlineData(true, false, false, false, "The child in need plan is still open: end it before the case closes")]
    [InlineData(false, true, false, false, "The child protection plan is still open: it ends at a review conference, or is ended for a reason such as a move to another council, before the case closes")]
    [InlineData(false, false, true, false, "The section 47 enquiry is still open: record its outcome (and its conference) before the case closes")]
    [InlineData(false, false, false, true, "The child is looked after: the period of care must end before the case closes")]
    public void Close_WhileAPlanEnquiryOrPeriodOfCareIsOpen_IsRefused_AndNothingEnds(bool cin, bool cp, bool enquiry, bool care, string message)
    {
        var lead = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var referral = OpenReferral(AssessmentTeam);
        var childCase = Case(new OpenOnCase(cin, cp, enquiry, care), referral, lead);

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Close("RC1", Today));

        Assert.Equal((message, "ReasonCode"), (ex.Message, ex.Field));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.Null(lead.EndedOn);
    }

    [Fact]
    public void Close_RC8WithoutACompletedAssessment_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Case(referral: OpenReferral(AssessmentTeam)).Close("RC8", Today));
        Assert.StartsWith("RC8 means closed after an assessment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_WithNothingOpen_ClosesTheReferral_AndEndsTheHoldingTeamsAllocationsOnly()
    {
        var lead = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var keyworker = Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.CoWorker);
        var referral = OpenReferral(AssessmentTeam);
        var childCase = Case(new OpenOnCase(AuthorisedAssessment: true), referral, lead, keyworker);

        childCase.Close("RC8", Today);

        Assert.Equal((ReferralStatus.Closed, "RC8", (DateOnly?)Today), (referral.Status, referral.ClosureReasonCode, referral.ClosedOn));
        Assert.Equal(Today, lead.EndedOn);
        Assert.Null(keyworker.EndedOn);
        Assert.Null(childCase.OpenReferral);
    }

    [Fact]
    public void EnsureCanRequestClosure_WithOneWaiting_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Case(new OpenOnCase(PendingClosure: true), OpenReferral(AssessmentTeam)).EnsureCanRequestClosure("RC1"));
        Assert.Equal((ChildCase.Refusals.ClosurePending, "ReasonCode"), (ex.Message, ex.Field));
    }

    [Fact]
    public void AcceptTransfer_TheSendingTeamsLeadEnds_TheNewWorkerLeads_AndTheReferralMoves()
    {
        var lead = Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead);
        var keyworker = Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.CoWorker);
        var referral = OpenReferral(AssessmentTeam);
        var childCase = Case(referral: referral, allocations: [lead, keyworker]);

        var started = childCase.AcceptTransfer(AssessmentTeam, OtherTeam, Guid.CreateVersion7(), Today, Manager);

        Assert.Equal(Today, lead.EndedOn);
        Assert.Same(started, childCase.Lead);
        Assert.Equal(OtherTeam, started!.TeamId);
        Assert.Equal(AllocationRole.CoWorker, keyworker.Role);
        Assert.Equal(OtherTeam, referral.TeamId);
        Assert.Equal(1, Leads(childCase));
    }

    [Fact]
    public void AcceptTransfer_ToAWorkerAlreadyCoWorking_MakesThemLead_AndTheOtherLeadStepsAside()
    {
        var workerId = Guid.CreateVersion7();
        var otherLead = Held(Guid.CreateVersion7(), EarlyHelpTeam, AllocationRole.Lead);
        var coWorker = Held(workerId, OtherTeam, AllocationRole.CoWorker);
        var childCase = Case(allocations: [otherLead, coWorker]);

        var started = childCase.AcceptTransfer(AssessmentTeam, OtherTeam, workerId, Today, Manager);

        Assert.Equal(Today, coWorker.EndedOn);
        Assert.Same(started, childCase.Lead);
        Assert.Equal(workerId, started!.WorkerId);
        Assert.Equal(AllocationRole.CoWorker, otherLead.Role);
        Assert.Equal(1, Leads(childCase));
    }

    [Fact]
    public void EnsureCanTransfer_WithOneWaiting_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(Case(new OpenOnCase(PendingTransfer: true)).EnsureCanTransfer);
        Assert.Equal((ChildCase.Refusals.TransferPending, "ToTeamId"), (ex.Message, ex.Field));
    }

    [Fact]
    public void Reallocate_FromAWorkerWhoNoLongerLeads_IsRefused()
    {
        var childCase = Case(allocations: Held(Guid.CreateVersion7(), AssessmentTeam, AllocationRole.Lead));

        var ex = Assert.Throws<DomainRuleException>(() => childCase.Reallocate(Guid.CreateVersion7(), Guid.CreateVersion7(), Today, Manager));

        Assert.Equal("ChildIds", ex.Field);
    }

    [Fact]
    public void Reallocate_EndsTheLeadAndTheNewWorkersCoWorking_AndTheNewWorkerLeads()
    {
        var from = Guid.CreateVersion7();
        var to = Guid.CreateVersion7();
        var lead = Held(from, AssessmentTeam, AllocationRole.Lead);
        var alongside = Held(to, AssessmentTeam, AllocationRole.CoWorker);
        var childCase = Case(allocations: [lead, alongside]);

        var started = childCase.Reallocate(from, to, Today, Manager, "MANAGE");

        Assert.Equal((Today.AddDays(-1), Today.AddDays(-1)), (lead.EndedOn!.Value, alongside.EndedOn!.Value));
        Assert.Same(started, childCase.Lead);
        Assert.Single(childCase.Allocations);
    }

    [Fact]
    public void ApprovalRequest_AStepDownWaits_ForItsChildren_UntilDecided()
    {
        var request = ApprovalRequest.StepDown(StepDownStage.ChildInNeedPlan, AssessmentTeam, [Child], "Needs met.", Guid.CreateVersion7(), DateTime.UtcNow);
        Assert.All(request.Children, c => Assert.Equal(ApprovalKind.StepDown, c.Waiting));

        request.Decide(false, "Not yet.", Manager, true, DateTime.UtcNow);

        Assert.All(request.Children, c => Assert.Null(c.Waiting));
    }

    [Fact]
    public void CaseTransfer_IsPendingForItsChildren_UntilAcceptedOrDeclined()
    {
        var transfer = new CaseTransfer(AssessmentTeam, OtherTeam, [Child], "Handover.", Manager, DateTime.UtcNow);
        Assert.All(transfer.Children, c => Assert.True(c.IsPending));

        transfer.Decline("No capacity.", Guid.CreateVersion7(), true, DateTime.UtcNow);

        Assert.All(transfer.Children, c => Assert.False(c.IsPending));
    }
}
