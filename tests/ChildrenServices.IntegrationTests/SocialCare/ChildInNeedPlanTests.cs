using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>Child in need plans: start, reviews and visits at the local frequency on the worktray, end, and a step-down that ends them.</summary>
public sealed class ChildInNeedPlanTests(AppFactory factory) : FrontDoorTestBase(factory)
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

    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> StartAsync(Guid childId, DateOnly? on = null) =>
        SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = on ?? Today });

    [Fact]
    public async Task StartingAPlan_BeforeTheReferral_Twice_OrAsAKeyworker_IsRefused()
    {
        var childId = await ReferredChildAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => StartAsync(childId, Today.AddDays(-1)));
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(keyworker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today }));
        await StartAsync(childId);
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => StartAsync(childId));

        Assert.Equal(("StartedOn", "The plan cannot start before the referral date, 24 November 2026"), (early.Field, early.Message));
        Assert.Equal("The child already has an open child in need plan", twice.Message);
    }

    [Fact]
    public async Task ReviewsAndVisits_AreDueAtTheLocalFrequency_OnTheWorktray_AndMoveWhenTheSettingChanges()
    {
        var childId = await ReferredChildAsync();
        var planId = await StartAsync(childId);

        var plan = (await SendAsUserAsync(socialWorker, new GetChildInNeedPlans.Query(childId))).Open!;
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22)), (plan.NextReview!.DueOn, plan.NextVisit!.DueOn));
        var worktray = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.Contains(worktray, r => r.Kind == DueKind.ChildInNeedReview && r.DueOn == new DateOnly(2026, 12, 15) && r.Status == RagStatus.Green);

        Factory.Clock.Advance(TimeSpan.FromDays(7)); // 1 December 2026
        await SendAsUserAsync(socialWorker, new RecordChildInNeedReview.Command { PersonId = childId, PlanId = planId, HeldOn = Today.AddDays(7), Summary = "Evenings plan agreed with nan." });
        await SendAsUserAsync(socialWorker, new RecordChildInNeedVisit.Command { PersonId = childId, PlanId = planId, VisitedOn = Today.AddDays(7), ChildSeen = true, SeenAlone = true });
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        await SendAsUserAsync(admin, new SaveLocalTimescales.Command
        {
            StrategyDiscussionWorkingDays = 2, Section47EnquiryWorkingDays = 6, FirstCoreGroupWorkingDays = 10, ChildProtectionVisitWorkingDays = 10,
            ChildInNeedFirstReviewWorkingDays = 15, ChildInNeedReviewWeeks = 12, ChildInNeedVisitWorkingDays = 10, AmberWorkingDays = 5,
        });

        plan = (await SendAsUserAsync(socialWorker, new GetChildInNeedPlans.Query(childId))).Open!;
        Assert.Equal((new DateOnly(2027, 2, 23), new DateOnly(2026, 12, 15)), (plan.NextReview!.DueOn, plan.NextVisit!.DueOn));
        var team = await SendAsUserAsync(AssessmentManager, new GetTeamDueWork.Query());
        Assert.Contains(team, r => r.Kind == DueKind.ChildInNeedVisit && r.DueOn == new DateOnly(2026, 12, 15) && r.Worker == "Grace Okafor-Lyle");
    }

    [Fact]
    public async Task BadReviewVisitAndEnd_AreRefusedBesideTheField()
    {
        var childId = await ReferredChildAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        var planId = await StartAsync(childId, Today.AddDays(2));
        var version = await WithDbAsync(db => db.ChildInNeedPlans.Select(p => p.Version).SingleAsync());

        var beforeStart = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RecordChildInNeedReview.Command { PersonId = childId, PlanId = planId, HeldOn = Today, Summary = "x" }));
        var future = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RecordChildInNeedVisit.Command { PersonId = childId, PlanId = planId, VisitedOn = Today.AddDays(3), ChildSeen = true }));
        var aloneUnseen = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RecordChildInNeedVisit.Command { PersonId = childId, PlanId = planId, VisitedOn = Today.AddDays(2), SeenAlone = true }));
        var endEarly = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new EndChildInNeedPlan.Command { PersonId = childId, PlanId = planId, Version = version, EndedOn = Today, Reason = "Done." }));

        Assert.Equal(("HeldOn", "The review cannot be before the plan started, 26 November 2026"), (beforeStart.Field, beforeStart.Message));
        Assert.Equal(("VisitedOn", "The visit date must be today or in the past"), (future.Field, future.Message));
        Assert.Equal("SeenAlone", aloneUnseen.Field);
        Assert.Equal(("EndedOn", "The end date cannot be before the plan started"), (endEarly.Field, endEarly.Message));
    }

    [Fact]
    public async Task AnApprovedStepDownFromThePlan_EndsThePlan_AndClosesTheReferralRC7()
    {
        var childId = await ReferredChildAsync();
        await StartAsync(childId);
        var requestId = await SendAsUserAsync(socialWorker, new RequestStepDown.Command { PersonId = childId, Stage = StepDownStage.ChildInNeedPlan, Reasons = "Plan goals met; keyworker support is enough now." });
        var version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Version).SingleAsync());

        await SendAsUserAsync(AssessmentManager, new DecideStepDown.Command { RequestId = requestId, Version = version, Approve = true, Rationale = "Agreed.", KeyworkerId = keyworker });

        var plan = await WithDbAsync(db => db.ChildInNeedPlans.SingleAsync());
        Assert.Equal((Today, "Stepped down to early help (approved)"), (plan.EndedOn, plan.EndReason));
        Assert.Equal("RC7", await WithDbAsync(db => db.Referrals.Select(r => r.ClosureReasonCode).SingleAsync()));
        Assert.DoesNotContain((await SendAsUserAsync(keyworker, new GetMyDueWork.Query())).Statutory!, r => r.Kind == DueKind.ChildInNeedReview);
    }

    [Fact]
    public async Task PlanPages_Answer_AndABlankReviewKeepsTheDateTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await ReferredChildAsync();
        var client = ClientFor(socialWorker);
        var started = await Pages.PageHelpers.PostFormAsync(client, $"/People/{childId}/ChildInNeed",
            [Pages.PageHelpers.F("Input.StartedOn.Day", "24"), Pages.PageHelpers.F("Input.StartedOn.Month", "11"), Pages.PageHelpers.F("Input.StartedOn.Year", "2026")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, started.StatusCode);
        foreach (var page in new[] { "", "/Review", "/Visit", "/End" })
        {
            var response = await client.GetAsync($"/People/{childId}/ChildInNeed{page}", ct);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
        }

        var planId = await WithDbAsync(db => db.ChildInNeedPlans.Select(p => p.Id).SingleAsync());
        var blank = await Pages.PageHelpers.PostFormAsync(client, $"/People/{childId}/ChildInNeed/Review",
            [Pages.PageHelpers.F("Input.PlanId", planId.ToString()), Pages.PageHelpers.F("Input.HeldOn.Day", "24"), Pages.PageHelpers.F("Input.HeldOn.Month", "11"), Pages.PageHelpers.F("Input.HeldOn.Year", "2026"), Pages.PageHelpers.F("Input.Summary", "")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, blank.StatusCode);
        var html = await blank.Content.ReadAsStringAsync(ct);
        Assert.Contains("Summarise what the review decided", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026\"", html, StringComparison.Ordinal);
    }
}
