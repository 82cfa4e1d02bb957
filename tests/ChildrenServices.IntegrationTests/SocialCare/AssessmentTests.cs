using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// The child and family assessment: started on the referral, due in 45 working days, the child seen,
/// DfE factors and an outcome, completed by the manager's authorisation (whose date completes it).
/// </summary>
public sealed class AssessmentTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid keyworker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Referred today (24 November 2026, so due 29 January 2027 across Christmas) and held by the social worker.</summary>
    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> VersionAsync(Guid assessmentId) => WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync());

    private async Task<Guid> StartedAsync(Guid childId) =>
        await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });

    private async Task ReadyAsync(Guid childId, Guid assessmentId, AssessmentOutcome outcome, string[]? factors = null, string? lateReason = null)
    {
        await SendAsUserAsync(socialWorker, new RecordChildSeen.Command { PersonId = childId, AssessmentId = assessmentId, SeenOn = Today, Alone = true });
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command
        {
            PersonId = childId, AssessmentId = assessmentId, Version = await VersionAsync(assessmentId),
            Analysis = "Dad's drinking at weekends leaves the children unsupervised; mum is protective and engaging.", Factors = [.. factors ?? ["1B", "3A"]], Outcome = outcome, LateReason = lateReason,
        });
    }

    private async Task<Guid> SubmittedAsync(Guid childId, AssessmentOutcome outcome)
    {
        var id = await StartedAsync(childId);
        await ReadyAsync(childId, id, outcome);
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id)));
        return id;
    }

    private async Task<string> DecideAsync(Guid childId, bool approve, string rationale = "Analysis is clear; factors evidenced.")
    {
        var request = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Kind == ApprovalKind.AssessmentAuthorisation && a.Status == ApprovalStatus.Pending).Select(a => new { a.Id, a.Version }).SingleAsync());
        return await SendAsUserAsync(AssessmentManager, new AuthoriseAssessment.Command { RequestId = request.Id, Version = request.Version, Approve = approve, Rationale = rationale });
    }

    [Fact]
    public async Task StartAssessment_BeforeTheReferral_InTheFuture_OrTwiceOnOneReferral_IsRefused()
    {
        var childId = await ReferredChildAsync();

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today.AddDays(-1) }));
        var future = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today.AddDays(1) }));
        await StartedAsync(childId);
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => StartedAsync(childId));

        Assert.Equal(("StartedOn", "The assessment cannot start before the referral date, 24 November 2026"), (early.Field, early.Message));
        Assert.Equal("The start date must be today or in the past", future.Message);
        Assert.Equal("An assessment is already open on this referral", twice.Message);
        var assessment = await WithDbAsync(db => db.ChildAndFamilyAssessments.SingleAsync());
        Assert.Equal(new DateOnly(2027, 1, 29), assessment.DueOn);
    }

    [Theory]
    [InlineData(new[] { "21", "1B" }, "“21 No factors identified” cannot be selected with any other factor")]
    [InlineData(new[] { "99Z" }, "Select factors from the list")]
    [InlineData(new[] { "18A" }, "Select factors from the list")]
    public async Task SaveAssessment_FactorsThatTheCensusRefuses_AreRefused(string[] factors, string message)
    {
        var childId = await ReferredChildAsync();
        var id = await StartedAsync(childId);

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(socialWorker, new SaveAssessment.Command { PersonId = childId, AssessmentId = id, Version = await VersionAsync(id), Factors = [.. factors] }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Factors" && e.ErrorMessage == message);
    }

    [Fact]
    public async Task SubmitAssessment_NeedsTheChildSeen_AnAnalysis_FactorsAndAnOutcome()
    {
        var childId = await ReferredChildAsync();
        var id = await StartedAsync(childId);

        var empty = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id))));
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command { PersonId = childId, AssessmentId = id, Version = await VersionAsync(id), Analysis = "Analysis.", Factors = ["16A"], Outcome = AssessmentOutcome.ChildInNeedPlan });
        var unseen = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id))));

        Assert.Equal("Analysis", empty.Field);
        Assert.Equal(("SeenOn", "Record at least one date the child was seen"), (unseen.Field, unseen.Message));
        Assert.Empty(await WithDbAsync(db => db.ApprovalRequests.ToListAsync()));
    }

    [Fact]
    public async Task ALateAssessment_CannotBeSentWithoutSayingWhy()
    {
        var childId = await ReferredChildAsync();
        var id = await StartedAsync(childId);
        await ReadyAsync(childId, id, AssessmentOutcome.ChildInNeedPlan);
        Factory.Clock.Advance(TimeSpan.FromDays(67)); // 30 January 2027: one day after the 45th working day

        var late = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id))));
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command
        {
            PersonId = childId, AssessmentId = id, Version = await VersionAsync(id), Analysis = "Analysis.", Factors = ["16A"], Outcome = AssessmentOutcome.ChildInNeedPlan,
            LateReason = "Dad would not meet until the police interview was done.",
        });
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id)));

        Assert.Equal(("LateReason", "The assessment was due on 29 January 2027: say why it is late"), (late.Field, late.Message));
        Assert.Equal(AssessmentStatus.AwaitingAuthorisation, await WithDbAsync(db => db.ChildAndFamilyAssessments.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Authorising_NoFurtherAction_CompletesTheAssessmentToday_AndClosesTheReferralRC8()
    {
        var childId = await ReferredChildAsync();
        var id = await SubmittedAsync(childId, AssessmentOutcome.NoFurtherAction);
        Assert.Contains(await SendAsUserAsync(AssessmentManager, new GetApprovals.Query()), r => r.Kind == ApprovalKind.AssessmentAuthorisation && r.AssessmentId == id);
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        var message = await DecideAsync(childId, approve: true);

        Assert.Equal("Assessment authorised: no further action, and the referral closed (RC8).", message);
        var assessment = await WithDbAsync(db => db.ChildAndFamilyAssessments.SingleAsync());
        Assert.Equal((AssessmentStatus.Authorised, Today.AddDays(2), AssessmentManager), (assessment.Status, assessment.AuthorisedOn, assessment.AuthorisedById));
        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal((ReferralStatus.Closed, "RC8", Today.AddDays(2)), (referral.Status, referral.ClosureReasonCode, referral.ClosedOn));
        Assert.Empty(await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).ToListAsync()));
    }

    /// <summary>
    /// A section 47 enquiry held on the referral that needed no conference: the assessment then ends with no further action,
    /// and the referral closes RC7, not RC8, which the DfE keeps for episodes with no such activity (CIN census rule 2990).
    /// </summary>
    [Fact]
    public async Task Authorising_NoFurtherAction_AfterASection47_ClosesTheReferralRC7()
    {
        var childId = await ReferredChildAsync();
        await WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == childId);
            var enquiry = new ChildProtectionEnquiry(referral, Today, "Police, school", true, "Disclosure at school.", WorkingDayCalendar.EnglandAndWales, Today);
            enquiry.RecordSection47Outcome(Today, "Not substantiated: no conference needed.", false, Today);
            db.ChildProtectionEnquiries.Add(enquiry);
            await db.SaveChangesAsync();
        });
        await SubmittedAsync(childId, AssessmentOutcome.NoFurtherAction);

        var message = await DecideAsync(childId, approve: true);

        Assert.Equal("Assessment authorised: no further action, and the referral closed (RC7).", message);
        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal((ReferralStatus.Closed, "RC7"), (referral.Status, referral.ClosureReasonCode));
    }

    [Fact]
    public async Task Authorising_EarlyHelp_RaisesAStepDownFromTheEndOfTheAssessment()
    {
        var childId = await ReferredChildAsync();
        await SubmittedAsync(childId, AssessmentOutcome.EarlyHelp);

        await DecideAsync(childId, approve: true);

        var stepDown = await WithDbAsync(db => db.ApprovalRequests.SingleAsync(a => a.Kind == ApprovalKind.StepDown));
        Assert.Equal((ApprovalStatus.Pending, StepDownStage.EndOfAssessment, socialWorker, AssessmentTeam), (stepDown.Status, stepDown.Stage, stepDown.RequestedById, stepDown.TeamId));
        Assert.Equal(ReferralStatus.Open, await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Rejecting_SendsTheAssessmentBackWithTheManagersReasons_AndTheWorkerCanSendItAgain()
    {
        var childId = await ReferredChildAsync();
        var id = await SubmittedAsync(childId, AssessmentOutcome.ChildInNeedPlan);
        var locked = await Assert.ThrowsAsync<DomainRuleException>(async () => await ReadyAsync(childId, id, AssessmentOutcome.ChildInNeedPlan));
        Assert.Contains("waiting for authorisation", locked.Message);

        await DecideAsync(childId, approve: false, rationale: "Say what the children told you about weekends.");

        var returned = await SendAsUserAsync(socialWorker, new GetAssessment.Query(childId));
        Assert.Equal((AssessmentStatus.InProgress, "Say what the children told you about weekends."), (returned.Open!.Status, returned.Open.ReturnedReason));
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await VersionAsync(id)));
        Assert.Equal(AssessmentStatus.AwaitingAuthorisation, await WithDbAsync(db => db.ChildAndFamilyAssessments.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task AKeyworkerCoWorkingTheCase_CanReadTheAssessment_ButNotRecordIt()
    {
        var childId = await ReferredChildAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });
        await StartedAsync(childId);

        var read = await SendAsUserAsync(keyworker, new GetAssessment.Query(childId));
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(keyworker, new RecordChildSeen.Command { PersonId = childId, AssessmentId = read.Open!.Id, SeenOn = Today }));
    }

    [Fact]
    public async Task Authorising_AStrategyDiscussionOutcome_PutsTheStrategyDiscussionOnTheWorktray_UntilItIsHeld()
    {
        var childId = await ReferredChildAsync();
        await SubmittedAsync(childId, AssessmentOutcome.StrategyDiscussion);
        Assert.DoesNotContain((await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!, r => r.Kind == Domain.Timescales.DueKind.StrategyDiscussion);

        await DecideAsync(childId, approve: true);

        var due = Assert.Single((await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!, r => r.Kind == Domain.Timescales.DueKind.StrategyDiscussion);
        Assert.Equal(new DateOnly(2026, 11, 26), due.DueOn);
        await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police", Section47 = false, Rationale = "Threshold not met for S47." });
        Assert.DoesNotContain((await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!, r => r.Kind == Domain.Timescales.DueKind.StrategyDiscussion);
    }
}
