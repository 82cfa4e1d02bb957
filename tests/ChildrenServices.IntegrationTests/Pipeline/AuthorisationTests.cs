using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Pipeline;

public sealed class AuthorisationTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task CreatePerson_AdministratorWithInvalidBody_ThrowsForbiddenNotValidation()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var invalid = NewChild() with { GivenNames = "", FamilyName = null, DateOfBirth = null, NhsNumber = "123" };

        // Exactly ForbiddenException: a ValidationException here would tell a refused user about the record's rules.
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(admin, invalid));

        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task SearchPeople_PerformanceOfficer_ThrowsForbidden()
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Performance");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(officer, new SearchPeople.Query { Name = "Taylor" }));
    }

    [Fact]
    public async Task RestrictRecord_ByManager_HidesChildFromOthersButNotFromAllowedUser()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var allowed = await CreateUserAsync(Roles.SocialWorker, "Avery Allowed");
        var other = await CreateUserAsync(Roles.SocialWorker, "Oakley Other");
        var child = await CreateChildAsync(manager, "Quinn", "Hidden", new DateOnly(2019, 3, 2));

        await SendAsUserAsync(manager, new RestrictRecord.Command
        {
            PersonId = child,
            Version = await VersionOfAsync(child),
            Reason = RestrictionReason.HighProfile,
            AllowedUserIds = [allowed],
        });

        var search = new SearchPeople.Query { Name = "Hidden" };
        var duplicates = new FindLikelyDuplicates.Query("Quinn", "Hidden", new DateOnly(2019, 3, 2), null);

        // Refused exactly as for an id that does not exist.
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(other, new GetPersonRecord.Query(child)));
        Assert.Empty((await SendAsUserAsync(other, search)).Matches);
        Assert.Empty(await SendAsUserAsync(other, duplicates));

        var record = await SendAsUserAsync(allowed, new GetPersonRecord.Query(child));
        Assert.Equal(RestrictionReason.HighProfile, record.Restriction);
        var found = Assert.Single((await SendAsUserAsync(allowed, search)).Matches);
        Assert.True(found.IsRestricted);
        Assert.Equal(child, Assert.Single(await SendAsUserAsync(allowed, duplicates)).Id);
    }

    [Fact]
    public async Task RestrictRecord_ManagerRestricting_KeepsTheManagerAndAllocatedWorkerOnTheList()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, worker);

        await SendAsUserAsync(manager, new RestrictRecord.Command
        {
            PersonId = child,
            Version = await VersionOfAsync(child),
            Reason = RestrictionReason.Adoption,
        });

        Assert.Equal(child, (await SendAsUserAsync(manager, new GetPersonRecord.Query(child))).Id);
        Assert.Equal(child, (await SendAsUserAsync(worker, new GetPersonRecord.Query(child))).Id);
    }
}
