using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>Case closure with a DfE reason code, decided by the manager, refused while a plan or assessment is open.</summary>
public sealed class CaseClosureTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> AskAsync(Guid childId, string code = "RC7") =>
        SendAsUserAsync(socialWorker, new RequestCaseClosure.Command { PersonId = childId, ReasonCode = code, Reasons = "Family moved away; the new authority has the case." });

    private async Task<string> ApproveAsync(Guid requestId)
    {
        var version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Version).SingleAsync());
        return await SendAsUserAsync(AssessmentManager, new DecideClosure.Command { RequestId = requestId, Version = version, Approve = true, Rationale = "Agreed." });
    }

    [Fact]
    public async Task Closure_ApprovedByTheManager_ClosesTheReferralWithTheCode_AndEndsTheTeamsAllocations()
    {
        var childId = await ReferredChildAsync();
        var requestId = await AskAsync(childId, "RC5");
        Assert.Equal(ReferralStatus.Open, await WithDbAsync(db => db.Referrals.Select(r => r.Status).SingleAsync()));

        var message = await ApproveAsync(requestId);

        Assert.Equal("Case closed (RC5).", message);
        var referral = await WithDbAsync(db => db.Referrals.SingleAsync());
        Assert.Equal((ReferralStatus.Closed, "RC5", Today), (referral.Status, referral.ClosureReasonCode, referral.ClosedOn));
        Assert.Empty(await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).ToListAsync()));
    }

    [Fact]
    public async Task Closure_IsRefused_WithAnOpenPlan_AnUnfinishedAssessment_RC8WithoutAnAssessment_OrACodeThatDoesNotExist()
    {
        var childId = await ReferredChildAsync();

        var rc8 = await Assert.ThrowsAsync<DomainRuleException>(() => AskAsync(childId, "RC8"));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => AskAsync(childId, "RC0"));
        var rc9 = await Assert.ThrowsAsync<ValidationException>(() => AskAsync(childId, "RC9"));
        await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });
        var assessing = await Assert.ThrowsAsync<DomainRuleException>(() => AskAsync(childId));

        Assert.Equal("RC8 means closed after an assessment, and this referral has no completed assessment", rc8.Message);
        Assert.Contains(unknown.Errors, e => e.PropertyName == "ReasonCode" && e.ErrorMessage == "Select a reason for closure from the list");
        Assert.Contains(rc9.Errors, e => e.PropertyName == "ReasonCode");
        Assert.Equal(("ReasonCode", "The assessment is not authorised yet: it must be completed before the case closes"), (assessing.Field, assessing.Message));
    }

    [Fact]
    public async Task APlanOpenedAfterTheRequest_StopsTheManagerClosingTheCase()
    {
        var childId = await ReferredChildAsync();
        var requestId = await AskAsync(childId);
        await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today });

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => ApproveAsync(requestId));

        Assert.Equal("The child in need plan is still open: end it before the case closes", refused.Message);
        Assert.Equal((ReferralStatus.Open, ApprovalStatus.Pending), await WithDbAsync(async db => (await db.Referrals.Select(r => r.Status).SingleAsync(), await db.ApprovalRequests.Select(a => a.Status).SingleAsync())));
        var openPlan = await Assert.ThrowsAsync<DomainRuleException>(() => AskAsync(childId));
        Assert.StartsWith("The child in need plan is still open", openPlan.Message, StringComparison.Ordinal);
    }
}
