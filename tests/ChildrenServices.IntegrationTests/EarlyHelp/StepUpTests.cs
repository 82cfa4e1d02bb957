using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.EarlyHelp;

public sealed class StepUpTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid keyworker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<(Guid EpisodeId, Guid ChildId)> EpisodeAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync());
        return (await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp }), childId);
    }

    private Task<Guid> VersionAsync(Guid requestId) => WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Version).SingleAsync());

    private async Task<DecideStepUp.Command> ApproveAsync(Guid requestId) => new()
    {
        RequestId = requestId, Version = await VersionAsync(requestId), Approve = true, Rationale = "Neglect continuing despite the plan; threshold met.",
        AssessmentTeamId = AssessmentTeam, PrimaryNeedCode = "N1",
    };

    [Fact]
    public async Task StepUp_WithoutReasons_IsRefused()
    {
        var (episodeId, _) = await EpisodeAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = " " }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Reasons" && e.ErrorMessage == "Give the reasons for stepping up");
    }

    [Fact]
    public async Task StepUp_Approved_RefersTheChild_AndKeepsTheKeyworkerAsCoWorker()
    {
        var (episodeId, childId) = await EpisodeAsync();
        var requestId = await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Two missed visits and a new bruise; mum not engaging." });
        Assert.Single(await SendAsUserAsync(Manager, new GetApprovals.Query()));

        var message = await SendAsUserAsync(Manager, await ApproveAsync(requestId));

        Assert.Contains("keyworker stays as co-worker", message);
        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal(("5D", "N1", AssessmentTeam), (referral.SourceCode, referral.PrimaryNeedCode, referral.TeamId));
        var allocation = await WithDbAsync(db => db.Allocations.SingleAsync(a => a.ChildId == childId && a.EndedOn == null));
        Assert.Equal((keyworker, AllocationRole.CoWorker), (allocation.WorkerId, allocation.Role));
        Assert.Empty(await SendAsUserAsync(Manager, new GetApprovals.Query()));
        Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Notifications.GetMyNotifications.Query()));
        var incoming = Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Home.GetReferralsAwaitingAllocation.Query()));
        Assert.Equal((childId, "Tom Ashdown"), (incoming.ChildId, incoming.KeyworkerName));
        var team = await (await ClientFor(AssessmentManager).GetAsync("/Team")).Content.ReadAsStringAsync();
        Assert.Contains("Referrals waiting for allocation (1)", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepUp_ApprovedWithoutATeamOrPrimaryNeed_IsRefusedBesideEachField()
    {
        var (episodeId, _) = await EpisodeAsync();
        var requestId = await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Escalating concerns." });

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(Manager, (await ApproveAsync(requestId)) with { AssessmentTeamId = null, PrimaryNeedCode = null }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "AssessmentTeamId" && e.ErrorMessage == "Select the assessment team the referral goes to");
        Assert.Contains(ex.Errors, e => e.PropertyName == "PrimaryNeedCode" && e.ErrorMessage == "Select the child's primary need");
        Assert.Equal(ApprovalStatus.Pending, await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task StepUp_CannotBeApprovedByTheRequester_NorByAManagerOfAnotherTeam_NorByAWorker()
    {
        var (episodeId, _) = await EpisodeAsync();
        var requestId = await SendAsUserAsync(Manager, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Escalating concerns." });

        var own = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(Manager, await ApproveAsync(requestId)));
        var other = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(AssessmentManager, await ApproveAsync(requestId)));
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(keyworker, await ApproveAsync(requestId)));

        Assert.Contains("another manager", own.Message);
        Assert.Contains("manager of the team", other.Message);
        Assert.Equal(ApprovalStatus.Pending, await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task StepUp_Rejected_SaysWhyAndWho_OnTheChildsRecord()
    {
        var (episodeId, childId) = await EpisodeAsync();
        var requestId = await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Mum missed the TAF." });
        var noRationale = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(Manager, new DecideStepUp.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = false }));
        Assert.Contains(noRationale.Errors, e => e.PropertyName == "Rationale");

        await SendAsUserAsync(Manager, new DecideStepUp.Command { RequestId = requestId, Version = await VersionAsync(requestId), Approve = false, Rationale = "One missed meeting is not a step-up: rearrange the TAF and visit this week." });

        var row = Assert.Single(await SendAsUserAsync(keyworker, new GetChildApprovals.Query(childId)));
        Assert.Equal(ApprovalStatus.Rejected, row.Status);
        Assert.Equal("Sam Patel", row.DecidedBy);
        Assert.StartsWith("One missed meeting", row.Rationale);
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task Worktray_ShowsTheKeyworkersFamilyReviewDue_AndTheApprovalTheyAreWaitingOn()
    {
        var (episodeId, _) = await EpisodeAsync();
        await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Escalating concerns." });

        var due = await SendAsUserAsync(keyworker, new Application.Home.GetMyDueWork.Query());

        var review = Assert.Single(due.Reviews);
        Assert.Equal((episodeId, new DateOnly(2027, 1, 5)), (review.EpisodeId, review.DueOn));
        var approval = Assert.Single(due.Approvals);
        Assert.Equal((ApprovalKind.StepUp, ApprovalStatus.Pending, "Riley Taylor"), (approval.Kind, approval.Status, approval.Children));
        var page = await (await ClientFor(keyworker).GetAsync("/MyWork")).Content.ReadAsStringAsync();
        Assert.Contains("Waiting for a decision", page, StringComparison.Ordinal);
        Assert.Contains("Family reviews due", page, StringComparison.Ordinal);
    }

    private async Task<Guid> EpisodeForAsync(string given, string family)
    {
        var (contactId, childId) = await ContactAboutNewChildAsync(given, family);
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.Children.Any(c => c.ChildId == childId)).Select(r => r.Id).SingleAsync());
        return await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
    }

    [Fact]
    public async Task AStepUp_MustSayHowUrgentItIs()
    {
        var (episodeId, _) = await EpisodeAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(keyworker, new RequestStepUp.Command { EpisodeId = episodeId, Reasons = "Escalating concerns." }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Urgent" && e.ErrorMessage == "Select how urgent the step-up is");
        Assert.Equal(0, await WithDbAsync(db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task AnUrgentStepUp_LeadsTheApprovalsQueue_AndTheManagersAlertNamesTheFamily()
    {
        var routine = await EpisodeForAsync("Riley", "Taylor");
        var urgent = await EpisodeForAsync("Kai", "Okafor");
        await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = routine, Reasons = "Attendance falling." });
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = true, EpisodeId = urgent, Reasons = "New bruising; mum not engaging." });

        var queue = await SendAsUserAsync(Manager, new GetApprovals.Query());

        Assert.Equal([("Kai Okafor", true, "Okafor family"), ("Riley Taylor", false, "Taylor family")], queue.Select(r => (r.Children, r.Urgent, r.FamilyName)));
        var alerts = await WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == Manager && n.Text.Contains("tep-up request")).OrderBy(n => n.CreatedAtUtc).Select(n => new { n.Text, n.Urgent }).ToListAsync());
        Assert.Equal(
            [("Step-up request: the Taylor family is waiting for your decision", false), ("Urgent step-up request: the Okafor family needs your decision today", true)],
            alerts.Select(a => (a.Text, a.Urgent)));
        var page = await (await ClientFor(Manager).GetAsync("/Approvals")).Content.ReadAsStringAsync();
        Assert.True(page.IndexOf("Kai Okafor", StringComparison.Ordinal) < page.IndexOf("Riley Taylor", StringComparison.Ordinal));
        Assert.Contains("govuk-tag--red\">Urgent</strong>", page, StringComparison.Ordinal);
    }
}
