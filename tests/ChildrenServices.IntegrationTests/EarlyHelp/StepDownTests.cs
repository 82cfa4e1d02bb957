using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.EarlyHelp;

public sealed class StepDownTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid keyworker;
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A child referred to the assessment team and held by the social worker.</summary>
    private async Task<Guid> ChildOpenToSocialCareAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> VersionAsync(Guid id) => WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    [Fact]
    public async Task StepDown_AtTheEndOfAnAssessment_ClosesRC9_AndHandsTheFamilyToTheKeyworkerAsASupportCase()
    {
        var childId = await ChildOpenToSocialCareAsync();
        Assert.Empty(await SendAsUserAsync(AssessmentManager, new Application.Home.GetReferralsAwaitingAllocation.Query()));
        var requestId = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = childId, Stage = StepDownStage.EndOfAssessment, Reasons = "Assessment complete: needs can be met with keyworker support." });

        var missing = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = true, Rationale = "Agree." }));
        Assert.Contains(missing.Errors, e => e.PropertyName == "KeyworkerId" && e.ErrorMessage == "Select the keyworker who will take the family");
        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = true, Rationale = "Agree: strengths in the family, mum engaging.", KeyworkerId = keyworker });

        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal((ReferralStatus.Closed, "RC9", new DateOnly(2026, 11, 24)), (referral.Status, referral.ClosureReasonCode, referral.ClosedOn));
        var open = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).ToListAsync());
        var held = Assert.Single(open);
        Assert.Equal((keyworker, AllocationRole.Lead, EarlyHelpTeam), (held.WorkerId, held.Role, held.TeamId));
        var episode = await WithDbAsync(db => db.EarlyHelpEpisodes.SingleAsync());
        Assert.Equal((EpisodeKind.Support, SupportReason.SteppingDownFromSocialCare, EpisodeStart.StepDown, keyworker), (episode.Kind, episode.SupportReason, episode.Start, episode.KeyworkerId));
    }

    [Fact]
    public async Task StepDown_FromAChildInNeedPlan_WithAKeyworkerAlreadyCoWorking_KeepsThatKeyworker_AndClosesRC7()
    {
        var childId = await ChildOpenToSocialCareAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, new DateOnly(2026, 11, 1), Manager));
            await db.SaveChangesAsync();
        });
        var other = await CreateUserAsync(Roles.FamilyKeyworker, "Jess Carraway");
        var requestId = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = childId, Stage = StepDownStage.ChildInNeedPlan, Reasons = "CIN plan goals met." });

        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = true, Rationale = "Agree.", KeyworkerId = other });

        Assert.Equal("RC7", await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.ClosureReasonCode).SingleAsync()));
        var held = Assert.Single(await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).ToListAsync()));
        Assert.Equal((keyworker, AllocationRole.Lead), (held.WorkerId, held.Role));
    }

    [Fact]
    public async Task StepDown_Rejected_KeepsSocialCareOpen_AndSaysWhy()
    {
        var childId = await ChildOpenToSocialCareAsync();
        var requestId = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = childId, Stage = StepDownStage.EndOfAssessment, Reasons = "Mum coping better." });

        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = false, Rationale = "Dad's return home is not yet assessed: complete that first." });

        Assert.Equal(ReferralStatus.Open, await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Status).SingleAsync()));
        var row = Assert.Single(await SendAsUserAsync(socialWorker, new GetChildApprovals.Query(childId)));
        Assert.Equal((ApprovalKind.StepDown, ApprovalStatus.Rejected, "Ruth Adeyemi"), (row.Kind, row.Status, row.DecidedBy));
    }

    [Fact]
    public async Task StepDown_WithoutReasons_OrForAChildNotOpenToSocialCare_IsRefused()
    {
        var childId = await ChildOpenToSocialCareAsync();
        var (_, notOpen) = await ContactAboutNewChildAsync("Jude", "Ellery");

        await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = childId, Stage = StepDownStage.EndOfAssessment, Reasons = "" }));
        await Assert.ThrowsAsync<Application.ForbiddenException>(() => SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = notOpen, Stage = StepDownStage.EndOfAssessment, Reasons = "x" }));
    }

    [Fact]
    public async Task StepDownPages_TheWorkerAsks_TheManagerApprovesWithAKeyworker()
    {
        var childId = await ChildOpenToSocialCareAsync();
        var worker = ClientFor(socialWorker);
        var record = await (await worker.GetAsync($"/People/{childId}/Contacts")).Content.ReadAsStringAsync();
        Assert.Contains("Ask to step down to a keyworker", record, StringComparison.Ordinal);

        var empty = await Pages.PageHelpers.PostFormAsync(worker, $"/People/{childId}/StepDown", [Pages.PageHelpers.F("Input.Stage", "EndOfAssessment")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Pages.PageHelpers.PostFormAsync(worker, $"/People/{childId}/StepDown",
            [Pages.PageHelpers.F("Input.Stage", "EndOfAssessment"), Pages.PageHelpers.F("Input.Reasons", "Assessment shows needs can be met by a keyworker.")])).StatusCode);

        var manager = ClientFor(AssessmentManager);
        var id = await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Id).SingleAsync());
        var page = await (await manager.GetAsync($"/Approvals/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("RC9", page, StringComparison.Ordinal);
        var version = Pages.PageHelpers.F("Input.Version", (await VersionAsync(id)).ToString());
        var noKeyworker = await Pages.PageHelpers.PostFormAsync(manager, $"/Approvals/{id}?handler=Check",
            [version, Pages.PageHelpers.F("Input.Approve", "true"), Pages.PageHelpers.F("Input.Rationale", "Agreed: needs can be met by a keyworker.")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noKeyworker.StatusCode);
        var noKeyworkerPage = await noKeyworker.Content.ReadAsStringAsync();
        Assert.Contains("Select the keyworker who will take the family", noKeyworkerPage, StringComparison.Ordinal);
        Assert.Contains("Agreed: needs can be met by a keyworker.", noKeyworkerPage, StringComparison.Ordinal);

        var answers = new[] { version, Pages.PageHelpers.F("Input.Approve", "true"), Pages.PageHelpers.F("Input.Rationale", "Agreed: needs can be met by a keyworker."), Pages.PageHelpers.F("Input.KeyworkerId", keyworker.ToString()) };
        var check = await Pages.PageHelpers.PostFormAsync(manager, $"/Approvals/{id}?handler=Check", answers);
        Assert.Equal(System.Net.HttpStatusCode.OK, check.StatusCode);
        var checkPage = await check.Content.ReadAsStringAsync();
        Assert.Contains("Check your decision", checkPage, StringComparison.Ordinal);
        Assert.Contains("RC9 (closed after assessment, referred to early help)", checkPage, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Status).SingleAsync()));

        var decided = await Pages.PageHelpers.PostFormAsync(manager, $"/Approvals/{id}?handler=Confirm", answers);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal("RC9", await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.ClosureReasonCode).SingleAsync()));
    }
}
