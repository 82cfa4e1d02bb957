using System.Net;
using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// A referral ends with no further action through the manager of the team it is with, before any assessment (the
/// CIN census's ReferralNFA; nothing statutory on it afterwards, rule 8831); and the primary need is revisable at the
/// assessment's authorisation, the front door's choice kept as the first.
/// </summary>
public sealed class ReferralNoFurtherActionTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await AssessmentSocialWorkerAsync();
    }

    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Referral> ReferralOfAsync(Guid childId) =>
        WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.PrimaryNeedRevisions).SingleAsync(r => r.ChildId == childId));

    [Fact]
    public async Task TheAssessmentTeamsManager_EndsTheReferralWithNoFurtherAction_FromTheAssessmentPage_AndNothingStatutoryCanFollow()
    {
        var childId = await ReferredChildAsync();
        var manager = ClientFor(AssessmentManager);
        var assessmentPage = await PageAsync(manager, $"/People/{childId}/Assessment");
        Assert.Contains("End the referral with no further action", assessmentPage, StringComparison.Ordinal);

        var url = $"/People/{childId}/Referral/NoFurtherAction";
        var response = await PostFormAsync(manager, url, [.. DateFields("ClosedOn", Today), F("Input.ReasonCode", "RC7"), F("Input.Rationale", "Information shared for awareness; school is meeting the need.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var referral = await ReferralOfAsync(childId);
        Assert.True(referral.NoFurtherAction);
        Assert.Equal((ReferralStatus.Closed, Today, "RC7", AssessmentManager), (referral.Status, referral.ClosedOn, referral.ClosureReasonCode, referral.NoFurtherActionById));
        Assert.Empty(await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).ToListAsync()));
        var after = await PageAsync(manager, $"/People/{childId}/Assessment");
        Assert.Contains("ended with no further action", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the assessment", after, StringComparison.Ordinal);
        var start = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(AssessmentManager, new StartAssessment.Command { PersonId = childId, StartedOn = Today }));
        Assert.Equal("The child has no open referral to assess", start.Message);
    }

    [Fact]
    public async Task ReferralNfa_WithoutAReasonOrRationale_Returns400_WithEachMessageBesideItsField_AndKeepsTheDate()
    {
        var childId = await ReferredChildAsync();
        var url = $"/People/{childId}/Referral/NoFurtherAction";

        var response = await PostFormAsync(ClientFor(AssessmentManager), url, [.. DateFields("ClosedOn", Today.AddDays(-3))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Select the reason for closure", html, StringComparison.Ordinal);
        Assert.Contains("Write why the referral needs no further action", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Today.AddDays(-3).Day}\"", html, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Open, (await ReferralOfAsync(childId)).Status);
    }

    [Fact]
    public async Task ReferralNfa_ByAManagerOfAnotherTeam_IsRefused_AndASocialWorkerCannotOpenTheForm()
    {
        // Held by the social worker: only the holding team's manager may record on the case at all.
        var held = await ReferredChildAsync();
        var heldReferral = await ReferralOfAsync(held);
        // Held by nobody yet: any manager may record, but only the referral team's manager may end it NFA.
        var (contactId, unheld) = await ContactAboutNewChildAsync("Jordan", "Hale");
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        var unheldReferral = await ReferralOfAsync(unheld);

        await Assert.ThrowsAsync<ChildrenServices.Application.ForbiddenException>(() => SendAsUserAsync(Manager, new EndReferralWithNoFurtherAction.Command
        {
            PersonId = held, ReferralId = heldReferral.Id, Version = heldReferral.Version, ClosedOn = Today, ReasonCode = "RC7", Rationale = "Not needed.",
        }));
        var other = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(Manager, new EndReferralWithNoFurtherAction.Command
        {
            PersonId = unheld, ReferralId = unheldReferral.Id, Version = unheldReferral.Version, ClosedOn = Today, ReasonCode = "RC7", Rationale = "Not needed.",
        }));
        var worker = await ClientFor(socialWorker).GetAsync($"/People/{held}/Referral/NoFurtherAction", TestContext.Current.CancellationToken);

        Assert.Equal("Only the manager of the team holding the case can end the referral with no further action", other.Message);
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.DoesNotContain("End the referral with no further action", await PageAsync(ClientFor(socialWorker), $"/People/{held}/Assessment"), StringComparison.Ordinal);
        Assert.DoesNotContain("End the referral with no further action", await PageAsync(ClientFor(Manager), $"/People/{unheld}/Assessment"), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Open, (await ReferralOfAsync(held)).Status);
        Assert.Equal(ReferralStatus.Open, (await ReferralOfAsync(unheld)).Status);
    }

    [Fact]
    public async Task Rule8831_ReferralNfa_OnceAnAssessmentHasStarted_IsRefused_AndTheLinkIsNotOffered()
    {
        var childId = await ReferredChildAsync();
        await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });
        var referral = await ReferralOfAsync(childId);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(AssessmentManager, new EndReferralWithNoFurtherAction.Command
        {
            PersonId = childId, ReferralId = referral.Id, Version = referral.Version, ClosedOn = Today, ReasonCode = "RC7", Rationale = "Not needed.",
        }));

        Assert.Equal("The referral already has an assessment recorded on it, so it did not end with no further action: close the case instead", ex.Message);
        Assert.DoesNotContain("End the referral with no further action", await PageAsync(ClientFor(AssessmentManager), $"/People/{childId}/Assessment"), StringComparison.Ordinal);
        Assert.False((await ReferralOfAsync(childId)).NoFurtherAction);
    }

    [Fact]
    public async Task ReferralNfa_FromAPageReadBeforeAnotherChange_IsAConflict_NotAnOverwrite()
    {
        var childId = await ReferredChildAsync();
        var referral = await ReferralOfAsync(childId);
        await WithDbAsync(async db =>
        {
            var tracked = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
            tracked.RevisePrimaryNeed("N4", Today, AssessmentManager, null);
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<ChildrenServices.Application.ConcurrencyConflictException>(() => SendAsUserAsync(AssessmentManager, new EndReferralWithNoFurtherAction.Command
        {
            PersonId = childId, ReferralId = referral.Id, Version = referral.Version, ClosedOn = Today, ReasonCode = "RC7", Rationale = "Not needed.",
        }));
        Assert.Equal(ReferralStatus.Open, (await ReferralOfAsync(childId)).Status);
    }

    [Fact]
    public async Task PrimaryNeed_RevisedWhenTheAssessmentIsAuthorised_KeepsTheFrontDoorsChoiceAsTheFirst_AndShowsTheHistory()
    {
        var childId = await ReferredChildAsync();
        var assessmentId = await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });
        await SendAsUserAsync(socialWorker, new RecordChildSeen.Command { PersonId = childId, AssessmentId = assessmentId, SeenOn = Today, Alone = true });
        var version = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync());
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command
        {
            PersonId = childId, AssessmentId = assessmentId, Version = version, Analysis = "Parental conflict is the main need.", Factors = ["3A"], Outcome = AssessmentOutcome.ChildInNeedPlan,
        });
        version = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync());
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, assessmentId, version));
        var request = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Kind == ApprovalKind.AssessmentAuthorisation).Select(a => a.Id).SingleAsync());
        var manager = ClientFor(AssessmentManager);
        var decidePage = await PageAsync(manager, $"/Approvals/{request}");
        Assert.Contains("The child&#x27;s primary need, as the assessment found it", decidePage, StringComparison.Ordinal);

        // The two steps a browser takes: the form, then "Check your decision" and confirm.
        var check = await PressAsync(manager, $"/Approvals/{request}", "Continue", [F("Input.Approve", "true"), F("Input.Rationale", "Analysis evidenced."), F("Input.PrimaryNeedCode", "N5")]);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var checkHtml = await check.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Revised from N1", checkHtml, StringComparison.Ordinal);
        var confirm = await SubmitAsync(manager, FormPostingTo(checkHtml, $"/Approvals/{request}", $"/Approvals/{request}?handler=Confirm"), []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var referral = await ReferralOfAsync(childId);
        Assert.Equal(("N1", "N5"), (referral.FirstPrimaryNeedCode, referral.PrimaryNeedCode));
        var revision = Assert.Single(referral.PrimaryNeedRevisions);
        Assert.Equal(("N1", "N5", Today, AssessmentManager, (Guid?)assessmentId), (revision.FromCode, revision.ToCode, revision.RevisedOn, revision.RevisedById, revision.AssessmentId));
        var assessmentPage = await PageAsync(manager, $"/People/{childId}/Assessment");
        Assert.Contains("First recorded as N1", assessmentPage, StringComparison.Ordinal);
        Assert.Contains("Revised to N5", assessmentPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrimaryNeed_LeftAsItWas_AtAuthorisation_IsNotRevised()
    {
        var childId = await ReferredChildAsync();
        var assessmentId = await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });
        await SendAsUserAsync(socialWorker, new RecordChildSeen.Command { PersonId = childId, AssessmentId = assessmentId, SeenOn = Today, Alone = true });
        var version = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync());
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command
        {
            PersonId = childId, AssessmentId = assessmentId, Version = version, Analysis = "Analysis.", Factors = ["16A"], Outcome = AssessmentOutcome.ChildInNeedPlan,
        });
        version = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync());
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, assessmentId, version));
        var request = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Kind == ApprovalKind.AssessmentAuthorisation).Select(a => new { a.Id, a.Version }).SingleAsync());

        await SendAsUserAsync(AssessmentManager, new AuthoriseAssessment.Command { RequestId = request.Id, Version = request.Version, Approve = true, Rationale = "Fine.", PrimaryNeedCode = "N1" });

        var referral = await ReferralOfAsync(childId);
        Assert.Equal("N1", referral.PrimaryNeedCode);
        Assert.Empty(referral.PrimaryNeedRevisions);
    }
}
