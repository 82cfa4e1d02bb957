using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Home;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.DemoData;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Seeding;

/// <summary>
/// The demo data a newcomer signs in to: the approvals a manager finds waiting must be real requests
/// the app itself would have made, in the right manager's queue, and decidable.
/// </summary>
public sealed class DemoSeedTests(AppFactory factory) : IntegrationTest(factory)
{
    /// <summary>
    /// Each test starts from the seeded database: the class's first test seeds it and keeps a copy, and every later
    /// test starts from that copy (a file copy, where seeding again cost seconds of CPU per test).
    /// </summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Factory.HasSnapshot)
        {
            await Factory.RestoreSnapshotAsync();
            return;
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 25));
        }

        await Factory.SaveSnapshotAsync();
    }

    private Task<Guid> StaffAsync(string email) => WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task DemoSeed_Approvals_StepUpsWaitForTheEarlyHelpManager_AndTheStepDownForTheAssessmentManager()
    {
        var ruth = await StaffAsync("r.adeyemi@demo.example");
        var sam = await StaffAsync("manager@demo.example");
        var now = Factory.Clock.GetUtcNow().UtcDateTime;

        var earlyHelpQueue = await SendAsUserAsync(ruth, new GetApprovals.Query());
        var stepUps = earlyHelpQueue.Where(r => r.Kind == ApprovalKind.StepUp).ToList();
        Assert.True(stepUps.Count >= 2, $"Expected two pending step-ups for Ruth Adeyemi, found {stepUps.Count}");
        Assert.All(earlyHelpQueue, r => Assert.Equal((ApprovalKind.StepUp, "Early Help North"), (r.Kind, r.TeamName)));
        Assert.Contains(stepUps, r => r.RequestedBy == "Tom Ashdown");
        Assert.Contains(stepUps, r => r.RequestedBy != "Tom Ashdown");

        var assessmentQueue = (await SendAsUserAsync(sam, new GetApprovals.Query())).Where(r => r.Kind == ApprovalKind.StepDown).ToList();
        var stepDown = Assert.Single(assessmentQueue);
        Assert.Equal((ApprovalKind.StepDown, StepDownStage.EndOfAssessment, "Assessment Team", "Grace Okafor-Lyle"), (stepDown.Kind, stepDown.Stage, stepDown.TeamName, stepDown.RequestedBy));

        Assert.All(earlyHelpQueue.Concat(assessmentQueue), r =>
        {
            var age = now - r.RequestedAtUtc;
            Assert.InRange(age, TimeSpan.FromDays(1), TimeSpan.FromDays(5));
            Assert.True(r.Reasons.Length > 200, "Reasons read as a practitioner wrote them");
        });
    }

    [Fact]
    public async Task DemoSeed_PendingRequests_AreOnesTheUseCasesWouldHaveMade()
    {
        var pending = await WithDbAsync(db => db.ApprovalRequests.Include(a => a.Children).Where(a => a.Status == ApprovalStatus.Pending).ToListAsync());

        foreach (var stepUp in pending.Where(a => a.Kind == ApprovalKind.StepUp))
        {
            // The requester may still record on the episode, it is open, and the use case sees the request as the one waiting.
            var again = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(stepUp.RequestedById, new RequestStepUp.Command { Urgent = false, EpisodeId = stepUp.EpisodeId!.Value, Reasons = "Again." }));
            Assert.Equal("A step-up for this family is already waiting for a decision", again.Message);
            var episode = await WithDbAsync(db => db.EarlyHelpEpisodes.Include(e => e.Children).SingleAsync(e => e.Id == stepUp.EpisodeId));
            Assert.Equal(episode.Children.Select(c => c.ChildId).Order(), stepUp.Children.Select(c => c.ChildId).Order());
        }

        var stepDown = Assert.Single(pending, a => a.Kind == ApprovalKind.StepDown);
        foreach (var child in stepDown.Children.Select(c => c.ChildId))
        {
            Assert.True(await WithDbAsync(db => db.Referrals.AnyAsync(r => r.ChildId == child && r.Status == ReferralStatus.Open && r.TeamId == stepDown.TeamId)));
        }

        // The social worker holds the child (or RequestStepDown would refuse her), the child is open, and the request is the one waiting.
        var first = stepDown.Children[0].ChildId;
        Assert.True(await WithDbAsync(db => db.Allocations.AnyAsync(a => a.ChildId == first && a.WorkerId == stepDown.RequestedById && a.EndedOn == null && a.Role == AllocationRole.Lead)));
        var repeat = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(stepDown.RequestedById, new RequestStepDown.Command { PersonId = first, Stage = StepDownStage.EndOfAssessment, Reasons = "Again." }));
        Assert.Equal("A step-down for this child is already waiting for a decision", repeat.Message);
    }

    [Fact]
    public async Task DemoSeed_RejectedStepUp_ShowsWithItsRationaleOnTheChildsRecord_AndOnTheKeyworkersWorktray()
    {
        var tom = await StaffAsync("keyworker@demo.example");
        var rejected = await WithDbAsync(db => db.ApprovalRequests.Include(a => a.Children).SingleAsync(a => a.Status == ApprovalStatus.Rejected));

        var history = await SendAsUserAsync(tom, new GetChildApprovals.Query(rejected.Children[0].ChildId));
        var row = Assert.Single(history);
        Assert.Equal((ApprovalKind.StepUp, ApprovalStatus.Rejected, "Tom Ashdown", "Ruth Adeyemi"), (row.Kind, row.Status, row.RequestedBy, row.DecidedBy));
        Assert.StartsWith("Not yet.", row.Rationale, StringComparison.Ordinal);
        Assert.True(row.DecidedAtUtc > row.RequestedAtUtc);

        var worktray = await SendAsUserAsync(tom, new GetMyDueWork.Query());
        Assert.Contains(worktray.Approvals, a => a.Status == ApprovalStatus.Rejected && a.DecidedBy == "Ruth Adeyemi" && a.Rationale == row.Rationale);
        Assert.Contains(worktray.Approvals, a => a.Status == ApprovalStatus.Pending && a.Kind == ApprovalKind.StepUp);
    }

    [Fact]
    public async Task DemoSeed_Managers_CanDecideTheSeededRequests()
    {
        var ruth = await StaffAsync("r.adeyemi@demo.example");
        var sam = await StaffAsync("manager@demo.example");
        var jess = await StaffAsync("j.carraway@demo.example");
        var assessmentTeam = await WithDbAsync(db => db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => t.Id).SingleAsync());

        var stepUp = (await SendAsUserAsync(ruth, new GetApprovals.Query())).First();
        var approvedUp = await SendAsUserAsync(ruth, new DecideStepUp.Command
        {
            RequestId = stepUp.Id, Version = stepUp.Version, Approve = true, Rationale = "Threshold met: neglect continuing despite the plan.",
            AssessmentTeamId = assessmentTeam, PrimaryNeedCode = "N1",
        });
        Assert.StartsWith("Step-up approved", approvedUp, StringComparison.Ordinal);

        var stepDown = Assert.Single(await SendAsUserAsync(sam, new GetApprovals.Query()), r => r.Kind == ApprovalKind.StepDown);
        var approvedDown = await SendAsUserAsync(sam, new DecideStepDown.Command
        {
            RequestId = stepDown.Id, Version = stepDown.Version, Approve = true, Rationale = "Agreed: needs can be met by a keyworker.", KeyworkerId = jess,
        });
        Assert.StartsWith("Step-down approved", approvedDown, StringComparison.Ordinal);
        Assert.DoesNotContain(await SendAsUserAsync(sam, new GetApprovals.Query()), r => r.Kind == ApprovalKind.StepDown);
    }

    [Fact]
    public async Task DemoSeed_Assessments_AtEveryStage_WithDeadlinesOnTrackAndOverdue_AndOneWaitingForAuthorisation()
    {
        var sam = await StaffAsync("manager@demo.example");

        var stages = await WithDbAsync(db => db.ChildAndFamilyAssessments.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var due = await SendAsUserAsync(sam, new Application.Timescales.GetTeamDueWork.Query());

        Assert.True(stages.GetValueOrDefault(Domain.SocialCare.AssessmentStatus.InProgress) >= 2, "Expected assessments in progress");
        Assert.Equal(1, stages.GetValueOrDefault(Domain.SocialCare.AssessmentStatus.AwaitingAuthorisation));
        Assert.Equal(1, stages.GetValueOrDefault(Domain.SocialCare.AssessmentStatus.Authorised));
        Assert.Contains(due, r => r.Status == Domain.Timescales.RagStatus.Red);
        Assert.Contains(due, r => r.Status == Domain.Timescales.RagStatus.Green);
        Assert.Contains(due, r => r.What == "Child and family assessment (not started)");
        var waiting = Assert.Single(await SendAsUserAsync(sam, new GetApprovals.Query()), r => r.Kind == ApprovalKind.AssessmentAuthorisation);
        Assert.StartsWith("Assessment authorised", await SendAsUserAsync(sam, new AuthoriseAssessment.Command { RequestId = waiting.Id, Version = waiting.Version, Approve = true, Rationale = "Agreed." }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_StatutoryPathway_HasEnquiriesPlansAndCare_WithSomethingOverdue()
    {
        var counts = await WithDbAsync(async db => new
        {
            Enquiries = await db.ChildProtectionEnquiries.CountAsync(),
            CpPlans = await db.ChildProtectionPlans.CountAsync(),
            CinPlans = await db.ChildInNeedPlans.CountAsync(),
            Care = await db.PeriodsOfCare.CountAsync(),
        });
        var managers = await WithDbAsync(db => db.Teams.Where(t => t.ManagerId != null).Select(t => t.ManagerId!.Value).Distinct().ToListAsync());
        var due = new List<Application.Timescales.DueRow>();
        foreach (var manager in managers)
        {
            due.AddRange(await SendAsUserAsync(manager, new Application.Timescales.GetTeamDueWork.Query()));
        }

        Assert.True(counts.Enquiries >= 2 && counts.CpPlans >= 1 && counts.CinPlans >= 1 && counts.Care >= 1, $"Seeded {counts}");
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.ChildProtectionReview);
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit);
        Assert.Contains(due, r => r.Kind != Domain.Timescales.DueKind.Assessment && r.Status == Domain.Timescales.RagStatus.Red);
    }

    /// <summary>The plan that ended when the family moved away had a review that changed its category: the page shows the history.</summary>
    [Fact]
    public async Task DemoSeed_HasAReviewConferenceThatChangedTheCategory_AndThePlanPageShowsEachReviewsCategory()
    {
        var plan = Assert.Single(await WithDbAsync(db => db.ChildProtectionPlans.Include(p => p.Reviews).Where(p => p.Reviews.Any(r => r.Category != null && r.Category != p.InitialCategory)).ToListAsync()));
        var review = Assert.Single(plan.Reviews);
        Assert.Equal(("EMO", "MUL", "MUL"), (plan.InitialCategory, review.Category, plan.LatestCategory));
        Assert.Equal(ChildProtectionPlanEnd.MovedToAnotherCouncil, plan.EndedBy);

        var manager = await WithDbAsync(db => db.Teams.Where(t => t.ManagerId != null).Select(t => t.ManagerId!.Value).FirstAsync());
        var page = await PageAsync(ClientFor(manager), $"/People/{plan.ChildId}/ChildProtection");
        Assert.Contains($"{review.HeldOn:d MMMM yyyy}, chaired by", page, StringComparison.Ordinal);
        Assert.Contains("plan continues (Multiple/not recommended)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_LookedAfter_HasAYoungPersonInSupportedAccommodation_AndMovesWithTheirReasonAndUrn()
    {
        var all = await WithDbAsync(db => db.PeriodsOfCare.Include(p => p.Episodes).ToListAsync());
        var born = await WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Id, p => p.DateOfBirth));

        var supported = Assert.Single(all, p => p.CurrentEpisode.Placement.Type == "K3");
        var birthday = born[supported.ChildId]!.Value;
        Assert.True(supported.StartedOn >= birthday.AddYears(16) && supported.StartedOn < birthday.AddYears(18), $"Born {birthday}, placed {supported.StartedOn}");
        Assert.NotNull(supported.CurrentEpisode.Placement.Urn);
        var moves = all.SelectMany(p => p.Episodes).Where(e => e.ReasonCeased == "X1" && e.Placement.Carer != all.SelectMany(q => q.Episodes).Single(n => n.PeriodOfCareId == e.PeriodOfCareId && n.StartedOn == e.EndedOn).Placement.Carer).ToList();
        Assert.NotEmpty(moves);
        Assert.All(moves, m => Assert.NotNull(m.ReasonForPlacementChange));
        Assert.DoesNotContain(all.SelectMany(p => p.Episodes), e => e.IsOpen && e.ReasonForPlacementChange != null);
        Assert.All(all, p => Assert.NotNull(p.PreviousPermanenceOption));
        Assert.Contains(all, p => p.PreviousPermanenceOption == "P2");
    }

    [Fact]
    public async Task DemoSeed_HasAChildInPreProceedings_AfterAFamilyGroupDecisionMakingMeeting_AndThePageShowsIt()
    {
        var record = Assert.Single(await WithDbAsync(db => db.PreProceedings.Include(p => p.Meetings).ToListAsync()));
        var worker = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == record.ChildId && a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => a.WorkerId).SingleAsync());

        Assert.True(record.IsOpen);
        Assert.Equal((true, 1), (record.FgdmOffered == true && record.FgdmHeldOn is not null && record.FamilyProposal is not null, record.ReviewMeetingsCount));
        var page = await PageAsync(ClientFor(worker), $"/People/{record.ChildId}/PreProceedings");
        Assert.Contains("The family's proposal", page, StringComparison.Ordinal);
        Assert.Contains("Record the decision", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_HasAReviewWhoseDateTheManagerCorrected_ShownBesideTheReview()
    {
        var correction = Assert.Single(await WithDbAsync(db => db.Corrections.ToListAsync()));
        var review = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SingleAsync(r => r.Id == correction.RecordId));
        var manager = await WithDbAsync(db => db.Teams.Where(t => t.Kind == TeamKind.ChildrenLookedAfter).OrderBy(t => t.Name).Select(t => t.ManagerId!.Value).FirstAsync());

        Assert.Equal((correction.ToDate, true, manager), (review.HeldOn, correction.AsManager, correction.CorrectedById));
        Assert.NotEqual(correction.FromDate, correction.ToDate);
        var page = await PageAsync(ClientFor(manager), $"/People/{correction.ChildId}/Visits");
        Assert.Contains($"Corrected from {correction.FromDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", page, StringComparison.Ordinal);
    }
}
