using ChildrenServices.Application;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.EarlyHelp;

public sealed class EarlyHelpTests(AppFactory factory) : FrontDoorTestBase(factory)
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

    private async Task<(Guid RequestId, Guid ChildId)> EarlyHelpRequestAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Needs beyond universal services; family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.ContactId == contactId).Select(r => r.Id).SingleAsync());
        return (requestId, childId);
    }

    private async Task<(Guid EpisodeId, Guid ChildId)> EpisodeAsync()
    {
        var (requestId, childId) = await EarlyHelpRequestAsync();
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        return (episodeId, childId);
    }

    private Task<Guid> AssessmentVersionAsync(Guid episodeId) =>
        WithDbAsync(db => db.EarlyHelpAssessments.Where(a => a.EpisodeId == episodeId).Select(a => a.Version).SingleAsync());

    private Task<Guid> PlanVersionAsync(Guid episodeId) =>
        WithDbAsync(db => db.FamilyPlans.Where(p => p.EpisodeId == episodeId).Select(p => p.Version).SingleAsync());

    [Fact]
    public async Task StartEpisode_FromAFrontDoorRequest_AllocatesTheKeyworkerAndAcceptsTheRequest()
    {
        var (requestId, childId) = await EarlyHelpRequestAsync();

        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });

        var episode = await SendAsUserAsync(keyworker, new GetEpisode.Query(episodeId));
        Assert.Equal("Taylor family", episode.FamilyName);
        Assert.Equal("Tom Ashdown", episode.KeyworkerName);
        Assert.Equal(childId, Assert.Single(episode.Children).Id);
        Assert.True(episode.CanRecord);
        var allocation = await WithDbAsync(db => db.Allocations.SingleAsync(a => a.ChildId == childId && a.EndedOn == null));
        Assert.Equal((keyworker, AllocationRole.Lead, EarlyHelpTeam), (allocation.WorkerId, allocation.Role, allocation.TeamId));
        Assert.Equal(EarlyHelpRequestStatus.Accepted, await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        var work = await SendAsUserAsync(keyworker, new GetEarlyHelpWork.Query());
        Assert.Empty(work.Requests);
        Assert.True(Assert.Single(work.Episodes).Mine);
    }

    [Fact]
    public async Task StartEpisode_ByAManagerOfAnotherTeam_IsForbidden_WithAKeyworkerOutsideTheTeam_IsRefused()
    {
        var (requestId, _) = await EarlyHelpRequestAsync();
        var outsider = await CreateUserAsync(Roles.FamilyKeyworker, "Jess Carraway");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(AssessmentManager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(keyworker, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp }));
        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = outsider, Kind = EpisodeKind.EarlyHelp }));
        Assert.Contains(ex.Errors, e => e.PropertyName == "KeyworkerId");
        var support = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.Support }));
        Assert.Contains(support.Errors, e => e.PropertyName == "SupportReason");
    }

    [Fact]
    public async Task Assessment_CompletesOnlyWithEveryAnswerAndEachChildsVoice()
    {
        var (episodeId, childId) = await EpisodeAsync();
        var draft = new RecordEarlyHelpAssessment.Command
        {
            EpisodeId = episodeId, Worries = "Mum is struggling with money and the children miss school.", WorkingWell = "Warm relationships; nan helps.",
            NeedsToHappen = "Attendance above 95% and a budget plan.", Scaling = 4, Complete = true,
        };

        await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(keyworker, draft with { Version = await AssessmentVersionAsync(episodeId) }));
        var scaling = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(keyworker, draft with { Version = await AssessmentVersionAsync(episodeId), Scaling = 11 }));
        Assert.Contains(scaling.Errors, e => e.PropertyName == "Scaling");

        await SendAsUserAsync(keyworker, draft with { Version = await AssessmentVersionAsync(episodeId), Voices = [new() { ChildId = childId, Voice = "I like school when I've had breakfast." }] });

        var episode = await SendAsUserAsync(keyworker, new GetEpisode.Query(episodeId));
        Assert.True(episode.Assessment.IsComplete);
        Assert.Equal(4, episode.Assessment.Scaling);
        Assert.Equal("I like school when I've had breakfast.", Assert.Single(episode.Assessment.Voices).Voice);
    }

    [Fact]
    public async Task Assessment_SecondWriterWithAStaleVersion_IsToldWhoChangedIt()
    {
        var (episodeId, _) = await EpisodeAsync();
        var loaded = await AssessmentVersionAsync(episodeId);
        await SendAsUserAsync(keyworker, new RecordEarlyHelpAssessment.Command { EpisodeId = episodeId, Version = loaded, Worries = "First writer" });

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(Manager, new RecordEarlyHelpAssessment.Command { EpisodeId = episodeId, Version = loaded, Worries = "Second writer" }));

        Assert.Contains("Tom Ashdown", ex.Message);
        Assert.Equal("First writer", await WithDbAsync(db => db.EarlyHelpAssessments.Where(a => a.EpisodeId == episodeId).Select(a => a.Worries).SingleAsync()));
    }

    [Fact]
    public async Task Plan_GoalsActionsAndATafReview_ShowDistanceTravelled()
    {
        var (episodeId, _) = await EpisodeAsync();
        await SendAsUserAsync(keyworker, new AddPlanGoal.Command { EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), Outcome = FamilyOutcome.Education, Description = "Riley at school every day", Baseline = 3 });
        var goalId = await WithDbAsync(db => db.FamilyPlans.Where(p => p.EpisodeId == episodeId).SelectMany(p => p.Goals).Select(g => g.Id).SingleAsync());
        await SendAsUserAsync(keyworker, new AddPlanAction.Command { EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), GoalId = goalId, Action = "Breakfast club place", Owner = "School", DueOn = new DateOnly(2026, 12, 1) });

        var missing = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(keyworker, new RecordTafReview.Command
        {
            EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), HeldOn = new DateOnly(2026, 11, 24), Attendees = "Mum, school, keyworker", NextReviewOn = new DateOnly(2027, 1, 5),
        }));
        Assert.Equal("Progress", missing.Field);
        await SendAsUserAsync(keyworker, new RecordTafReview.Command
        {
            EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), HeldOn = new DateOnly(2026, 11, 24), Attendees = "Mum, school, keyworker",
            Progress = [new() { GoalId = goalId, Score = 7, Note = "Attendance up to 91%" }], NextReviewOn = new DateOnly(2027, 1, 5),
        });

        var plan = (await SendAsUserAsync(keyworker, new GetEpisode.Query(episodeId))).Plan;
        var goal = Assert.Single(plan.Goals);
        Assert.Equal(3, goal.Baseline);
        Assert.Equal(7, Assert.Single(Assert.Single(plan.Reviews).Progress).Score);
        Assert.Equal(new DateOnly(2027, 1, 5), plan.NextReviewOn);
        Assert.Equal("School", Assert.Single(goal.Actions).Owner);
    }

    [Fact]
    public async Task Recording_ByAKeyworkerWhoDoesNotHoldTheFamily_IsForbidden()
    {
        var (episodeId, _) = await EpisodeAsync();
        var other = await CreateUserAsync(Roles.FamilyKeyworker, "Hamid Beaumont");

        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(other, new AddPlanGoal.Command
        {
            EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), Outcome = FamilyOutcome.Housing, Description = "Secure tenancy", Baseline = 2,
        }));
    }

    [Fact]
    public async Task EndEpisode_RecordsTheOutcome_AndEndsTheKeyworkersAllocations()
    {
        var (episodeId, childId) = await EpisodeAsync();
        var version = await WithDbAsync(db => db.EarlyHelpEpisodes.Where(e => e.Id == episodeId).Select(e => e.Version).SingleAsync());

        await SendAsUserAsync(keyworker, new EndEpisode.Command { EpisodeId = episodeId, Version = version, EndedOn = new DateOnly(2026, 11, 24), Reason = EpisodeEndReason.NeedsMet, Summary = "Attendance 97%; budget in place." });

        var episode = await SendAsUserAsync(Manager, new GetEpisode.Query(episodeId));
        Assert.Equal(EpisodeEndReason.NeedsMet, episode.EndReason);
        Assert.False(await WithDbAsync(db => db.Allocations.AnyAsync(a => a.ChildId == childId && a.EndedOn == null)));
        await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(keyworker, new AddPlanGoal.Command
        {
            EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), Outcome = FamilyOutcome.Housing, Description = "Too late", Baseline = 2,
        }));
    }

    [Fact]
    public async Task AnEpisodeForARestrictedChild_DoesNotExistForOthers()
    {
        var (episodeId, childId) = await EpisodeAsync();
        await WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == childId)).Restrict(Domain.People.RestrictionReason.HighProfile, new DateOnly(2026, 11, 24), new DateOnly(2027, 2, 22), [keyworker]);
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(Manager, new GetEpisode.Query(episodeId)));
        Assert.Empty((await SendAsUserAsync(Manager, new GetEarlyHelpWork.Query())).Episodes);
        Assert.NotNull(await SendAsUserAsync(keyworker, new GetEpisode.Query(episodeId)));
    }
}
