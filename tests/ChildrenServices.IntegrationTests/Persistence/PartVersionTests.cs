using ChildrenServices.Application;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Persistence;

/// <summary>
/// A change to any part of an aggregate, a grandchild included, versions the root (each part names its root,
/// <c>IPartOf&lt;TRoot&gt;</c>), even when only the part was loaded, so a second writer holding the old version is refused.
/// </summary>
public sealed class PartVersionTests(AppFactory factory) : FrontDoorTestBase(factory)
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

    /// <summary>An early help episode whose plan has one goal with one action and one TAF review scoring it.</summary>
    private async Task<Guid> PlanWithAnActionAndAReviewAsync()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Needs beyond universal services; family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.ContactId == contactId).Select(r => r.Id).SingleAsync());
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        await SendAsUserAsync(keyworker, new AddPlanGoal.Command { EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), Outcome = FamilyOutcome.Education, Description = "Riley at school every day", Baseline = 3 });
        var goalId = await WithDbAsync(db => db.FamilyPlans.Where(p => p.EpisodeId == episodeId).SelectMany(p => p.Goals).Select(g => g.Id).SingleAsync());
        await SendAsUserAsync(keyworker, new AddPlanAction.Command { EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), GoalId = goalId, Action = "Breakfast club place", Owner = "School", DueOn = new DateOnly(2026, 12, 1) });
        await SendAsUserAsync(keyworker, new RecordTafReview.Command
        {
            EpisodeId = episodeId, Version = await PlanVersionAsync(episodeId), HeldOn = new DateOnly(2026, 11, 24), Attendees = "Mum, school, keyworker",
            Progress = [new() { GoalId = goalId, Score = 7, Note = "Attendance up to 91%" }], NextReviewOn = new DateOnly(2027, 1, 5),
        });
        return episodeId;
    }

    private Task<Guid> PlanVersionAsync(Guid episodeId) =>
        WithDbAsync(db => db.FamilyPlans.Where(p => p.EpisodeId == episodeId).Select(p => p.Version).SingleAsync());

    [Fact]
    public async Task AGrandchild_ChangedWithOnlyItselfLoaded_VersionsItsRoot()
    {
        var episodeId = await PlanWithAnActionAndAReviewAsync();
        var before = await PlanVersionAsync(episodeId);

        // A plan action (goal → plan) with neither its goal nor its plan loaded.
        await WithDbAsync(async db =>
        {
            var action = await db.Set<PlanAction>().SingleAsync(TestContext.Current.CancellationToken);
            db.Entry(action).Property(a => a.CompletedOn).CurrentValue = new DateOnly(2026, 11, 24);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var afterAction = await PlanVersionAsync(episodeId);

        // A TAF score (review → plan), the same way.
        await WithDbAsync(async db =>
        {
            var score = await db.Set<GoalProgress>().SingleAsync(TestContext.Current.CancellationToken);
            db.Entry(score).Property(p => p.Note).CurrentValue = "Attendance up to 93%";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var afterScore = await PlanVersionAsync(episodeId);

        Assert.NotEqual(before, afterAction);
        Assert.NotEqual(afterAction, afterScore);
    }

    [Fact]
    public async Task CompletingAnAction_MovesThePlansVersion_SoAWriterHoldingTheOldOneIsRefused()
    {
        var episodeId = await PlanWithAnActionAndAReviewAsync();
        var loaded = await PlanVersionAsync(episodeId);
        var actionId = await WithDbAsync(db => db.Set<PlanAction>().Select(a => a.Id).SingleAsync());

        await SendAsUserAsync(keyworker, new CompletePlanAction.Command(episodeId, loaded, actionId));

        Assert.NotEqual(loaded, await PlanVersionAsync(episodeId));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(keyworker, new AddPlanGoal.Command
        {
            EpisodeId = episodeId, Version = loaded, Outcome = FamilyOutcome.Health, Description = "Dentist registration", Baseline = 2,
        }));
    }
}
