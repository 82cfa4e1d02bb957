using ChildrenServices.Application.Home;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>
/// The reads that answer a page in a fixed number of statements (ADR 0024) read rows of one shape joined by
/// UNION ALL. Enums are stored as their names, and a union takes a column's type from its first part: these check
/// that what the record and the due work show from such columns is what was recorded, not a number read from text.
/// </summary>
public sealed class RecordReadTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task TheRecordAndTheDueWork_ReadTheAssessmentStatusAndRolesAsRecorded()
    {
        var socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
        var (contactId, child) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, child, socialWorker);
        await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = child, StartedOn = Today });

        var due = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.Contains(due, d => d.Kind == DueKind.Assessment && d.What == "Child and family assessment (in progress)");

        var record = await SendAsUserAsync(socialWorker, new GetPersonRecord.Query(child, WithOverview: true));
        Assert.Equal(AllocationRole.Lead, Assert.Single(record.Allocations).Role);
        Assert.Equal("Grace Okafor-Lyle", record.Lead!.WorkerName);
        Assert.Equal(AssessmentStatus.InProgress, record.Overview!.Assessment!.Status);
        Assert.Contains(record.Overview.DueNext, d => d.What == "Child and family assessment (in progress)");
    }

    /// <summary>
    /// My work's due work is a compiled statement with the viewer as its parameter: a restricted child the worker leads
    /// but is not allowed (its grant taken away) is not named, and is once the grant is back; what it shows for
    /// the children it names is what the statement run as it stands (the team's due work) shows.
    /// </summary>
    [Fact]
    public async Task MyDueWork_Compiled_NamesOnlyTheChildrenTheWorkerMaySee_AndAgreesWithTheTeamsList()
    {
        var socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
        var children = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (contactId, child) = await ContactAboutNewChildAsync();
            await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
            await AllocateAsync(AssessmentManager, child, socialWorker);
            children.Add(child);
        }

        var (seen, hidden) = (children[0], children[1]);
        await SendAsUserAsync(AssessmentManager, new RestrictRecord.Command { PersonId = hidden, Version = await VersionOfAsync(hidden), Reason = Domain.People.RestrictionReason.HighProfile });
        await SetAllowedAsync(hidden, socialWorker, allowed: false);

        var mine = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.Equal([seen], mine.Select(d => d.ChildId).Distinct());

        var teams = await SendAsUserAsync(AssessmentManager, new GetTeamDueWork.Query());
        Assert.Equal(
            teams.Where(d => d.ChildId == seen).Select(d => (d.Kind, d.What, d.DueOn, d.Status, d.Worker, d.ChildName)),
            mine.Select(d => (d.Kind, d.What, d.DueOn, d.Status, d.Worker, d.ChildName)));

        await SetAllowedAsync(hidden, socialWorker, allowed: true);
        mine = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.Equal(children.Order(), mine.Select(d => d.ChildId).Distinct().Order());
    }

    [Fact]
    public void TheTimescaleCache_KeepsSettingsForAMinute_AndAReadBeganBeforeAClearStoresNothing()
    {
        var clock = new FakeTimeProvider(AppFactory.Now);
        var cache = new TimescaleSettingsCache(clock);
        var local = LocalTimescales.Defaults with { AmberWorkingDays = 8 };
        Assert.False(cache.TryGet(out _));

        cache.Set(local, cache.Generation);
        Assert.True(cache.TryGet(out var kept));
        Assert.Equal(8, kept.AmberWorkingDays);

        clock.Advance(TimescaleSettingsCache.Lifetime);
        Assert.False(cache.TryGet(out _));

        var before = cache.Generation;
        cache.Clear();
        cache.Set(local, before);
        Assert.False(cache.TryGet(out _));
    }
}
