using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.People;

public sealed class RecordAccessTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task UpdatePersonDetails_StaleVersion_ThrowsConflictNamingWhoChangedIt()
    {
        var first = await CreateUserAsync(Roles.FrontDoorPractitioner, "Alex First");
        var second = await CreateUserAsync(Roles.FrontDoorPractitioner, "Blair Second");
        var child = await CreateChildAsync(first);

        // Both open the record and see the same version.
        var seenByFirst = await SendAsUserAsync(first, new GetPersonRecord.Query(child));
        var seenBySecond = await SendAsUserAsync(second, new GetPersonRecord.Query(child));
        Assert.Equal(seenByFirst.Version, seenBySecond.Version);
        Factory.Clock.Advance(TimeSpan.FromMinutes(7));

        await SendAsUserAsync(first, Details(child, seenByFirst.Version, "Polish"));
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(second, Details(child, seenBySecond.Version, "Welsh")));

        Assert.Contains("Alex First", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10:07", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Alex First", ex.ChangedBy);
        var now = await SendAsUserAsync(first, new GetPersonRecord.Query(child));
        Assert.Equal("Polish", now.FirstLanguage);
        Assert.NotEqual(seenByFirst.Version, now.Version);
        Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "UpdatePersonDetails").ToListAsync()));
    }

    [Fact]
    public async Task UpdatePersonDetails_CurrentVersion_SavesAndStampsTheEditor()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Alex First");
        var child = await CreateChildAsync(practitioner);
        Factory.Clock.Advance(TimeSpan.FromHours(1));

        await SendAsUserAsync(practitioner, Details(child, await VersionOfAsync(child), "Somali"));

        var person = await WithDbAsync(db => db.People.SingleAsync(p => p.Id == child));
        Assert.Equal("Somali", person.FirstLanguage);
        Assert.Equal(practitioner, person.UpdatedById);
        Assert.Equal(AppFactory.Now.UtcDateTime.AddHours(1), person.UpdatedAtUtc);
        Assert.Equal(AppFactory.Now.UtcDateTime, person.CreatedAtUtc);
    }

    [Fact]
    public async Task UpdatePersonDetails_WorkerNotAllocated_ForbiddenButCanStillView()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var allocated = await CreateUserAsync(Roles.SocialWorker, "Ali Allocated");
        var colleague = await CreateUserAsync(Roles.SocialWorker, "Col League");
        await CreateTeamAsync(manager, "Assessment team 1", allocated, colleague);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, allocated);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(colleague, Details(child, Guid.Empty, "French")));
        var colleagueSees = await SendAsUserAsync(colleague, new GetPersonRecord.Query(child));
        Assert.False(colleagueSees.CanRecord);

        var allocatedSees = await SendAsUserAsync(allocated, new GetPersonRecord.Query(child));
        Assert.True(allocatedSees.CanRecord);
        await SendAsUserAsync(allocated, Details(child, allocatedSees.Version, "French"));
        Assert.Equal("French", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == child))).FirstLanguage);
    }

    [Fact]
    public async Task UpdatePersonDetails_ManagerOfTheHoldingTeam_Allowed()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Ali Allocated");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, worker);

        await SendAsUserAsync(manager, Details(child, await VersionOfAsync(child), "Urdu"));

        Assert.Equal("Urdu", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == child))).FirstLanguage);
    }

    [Fact]
    public async Task UpdatePersonDetails_FrontDoorOnceChildIsAllocated_Forbidden()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Ali Allocated");
        var frontDoor = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var child = await CreateChildAsync(frontDoor);

        // While nobody holds the child the front door records on it; once allocated, the holder does.
        await SendAsUserAsync(frontDoor, Details(child, await VersionOfAsync(child), "Arabic"));
        await AllocateAsync(manager, child, worker);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(frontDoor, Details(child, Guid.Empty, "Tamil")));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PerformanceOfficer)]
    public async Task GetPersonRecordAndSearch_RoleWithoutCaseAccess_Forbidden(string role)
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var outsider = await CreateUserAsync(role, "Otto Outsider");
        var child = await CreateChildAsync(practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(outsider, new GetPersonRecord.Query(child)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(outsider, new SearchPeople.Query { Name = "Taylor" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(outsider, new FindLikelyDuplicates.Query("Riley", "Taylor", null, null)));
    }

    [Fact]
    public async Task GetPersonRecord_UnknownId_NotFound()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(practitioner, new GetPersonRecord.Query(Guid.CreateVersion7())));
    }

    private static UpdatePersonDetails.Command Details(Guid personId, Guid version, string firstLanguage) => new()
    {
        PersonId = personId,
        Version = version,
        DateOfBirth = new DateOnly(2018, 5, 14),
        Sex = Sex.Female,
        FirstLanguage = firstLanguage,
    };
}
