using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Home;

/// <summary>
/// My work's lists are compiled queries with the user as their parameter and the visibility rule expanded into them
/// (RecordAccess.Expand): each list names a restricted child only to the people on its allow-list, from the moment the
/// record is restricted, and again once they are allowed.
/// </summary>
public sealed class MyWorkVisibilityTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task ARecordRestrictedWithoutMe_LeavesMyRecentAndUnallocatedLists_UntilIAmAllowed()
    {
        var (_, child) = await ContactAboutNewChildAsync("Juniper", "Ashcombe");
        var (_, other) = await ContactAboutNewChildAsync("Rowan", "Ashcombe");
        await SendAsUserAsync(Practitioner, new GetPersonRecord.Query(child));
        await SendAsUserAsync(Practitioner, new GetPersonRecord.Query(other));

        var work = await SendAsUserAsync(Practitioner, new GetMyWork.Query());
        Assert.Contains(work.Unallocated, c => c.PersonId == child);
        Assert.Contains(work.RecentlyViewed, r => r.PersonId == child);

        await SendAsUserAsync(Manager, new RestrictRecord.Command { PersonId = child, Version = await VersionOfAsync(child), Reason = RestrictionReason.HighProfile });
        await SetAllowedAsync(child, Practitioner, allowed: false);

        work = await SendAsUserAsync(Practitioner, new GetMyWork.Query());
        Assert.DoesNotContain(work.Unallocated, c => c.PersonId == child);
        Assert.DoesNotContain(work.RecentlyViewed, r => r.PersonId == child);
        Assert.Contains(work.Unallocated, c => c.PersonId == other);
        Assert.Contains(work.RecentlyViewed, r => r.PersonId == other);

        await SetAllowedAsync(child, Practitioner, allowed: true);
        work = await SendAsUserAsync(Practitioner, new GetMyWork.Query());
        Assert.Contains(work.Unallocated, c => c.PersonId == child);
        Assert.Contains(work.RecentlyViewed, r => r.PersonId == child);
    }

    [Fact]
    public async Task AChildIKeyworkButMayNotSee_IsNotNamedInMyCasesFamilyReviewsOrApprovals_UntilIAmAllowed()
    {
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var (contactId, child) = await ContactAboutNewChildAsync("Juniper", "Ashcombe");
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync());
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Two missed visits and a new bruise." });

        var work = await SendAsUserAsync(keyworker, new GetMyWork.Query());
        var due = await SendAsUserAsync(keyworker, new GetMyDueWork.Query());
        Assert.Contains(work.MyCases, c => c.PersonId == child);
        Assert.Contains(due.Reviews, r => r.EpisodeId == episodeId);
        Assert.Contains("Juniper Ashcombe", Assert.Single(due.Approvals).Children);

        await SendAsUserAsync(Manager, new RestrictRecord.Command { PersonId = child, Version = await VersionOfAsync(child), Reason = RestrictionReason.HighProfile });
        await SetAllowedAsync(child, keyworker, allowed: false);

        work = await SendAsUserAsync(keyworker, new GetMyWork.Query());
        due = await SendAsUserAsync(keyworker, new GetMyDueWork.Query());
        Assert.DoesNotContain(work.MyCases, c => c.PersonId == child);
        Assert.Empty(due.Reviews);
        Assert.Empty(due.Approvals);

        await SetAllowedAsync(child, keyworker, allowed: true);
        work = await SendAsUserAsync(keyworker, new GetMyWork.Query());
        due = await SendAsUserAsync(keyworker, new GetMyDueWork.Query());
        Assert.Contains(work.MyCases, c => c.PersonId == child && c.IsRestricted);
        Assert.Contains(due.Reviews, r => r.EpisodeId == episodeId);
        Assert.Single(due.Approvals);
    }
}
