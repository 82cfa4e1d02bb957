using ChildrenServices.Application;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Teams;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;

namespace ChildrenServices.IntegrationTests.Teams;

public sealed class TeamTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task GetTeamOverview_WorkersWithCases_ShowsEachCaseloadIncludingRestrictedChildren()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var busy = await CreateUserAsync(Roles.SocialWorker, "Bo Busy");
        var light = await CreateUserAsync(Roles.SocialWorker, "Lee Light");
        await CreateTeamAsync(manager, "Assessment team 1", busy, light);
        var first = await CreateChildAsync(manager, "Ada", "One");
        var second = await CreateChildAsync(manager, "Bea", "Two");
        await AllocateAsync(manager, first, busy);
        await AllocateAsync(manager, second, busy);
        await AllocateAsync(manager, first, light, AllocationRole.CoWorker);
        await SendAsUserAsync(manager, new RestrictRecord.Command
        {
            PersonId = second,
            Version = await VersionOfAsync(second),
            Reason = RestrictionReason.Adoption,
        });

        var team = Assert.Single(await SendAsUserAsync(manager, new GetTeamOverview.Query()));

        Assert.Equal("Assessment team 1", team.Name);
        Assert.Equal(2, team.TotalCases);
        Assert.Equal(["Bo Busy", "Lee Light", "Morgan Manager"], team.Workers.Select(w => w.Name));
        var busyRow = team.Workers[0];
        Assert.Equal((2, 0, false), (busyRow.LeadCases, busyRow.CoWorkedCases, busyRow.IsManager));
        var lightRow = team.Workers[1];
        Assert.Equal((0, 1), (lightRow.LeadCases, lightRow.CoWorkedCases));
        Assert.True(team.Workers[2].IsManager);
    }

    [Fact]
    public async Task GetTeamOverview_AnotherManagersTeam_NotShown()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var otherManager = await CreateUserAsync(Roles.TeamManager, "Oli Other");
        await CreateTeamAsync(otherManager, "Assessment team 2");

        Assert.Empty(await SendAsUserAsync(manager, new GetTeamOverview.Query()));
    }

    [Fact]
    public async Task GetServiceOverview_RestrictedChildren_CountedInHeadlineTotals()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Performance");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var open = await CreateChildAsync(manager, "Ada", "Open");
        var restricted = await CreateChildAsync(manager, "Bea", "Restricted");
        await AllocateAsync(manager, restricted, worker);
        await SendAsUserAsync(manager, new RestrictRecord.Command
        {
            PersonId = restricted,
            Version = await VersionOfAsync(restricted),
            Reason = RestrictionReason.SeriousCaseReview,
        });

        var overview = await SendAsUserAsync(officer, new GetServiceOverview.Query());

        Assert.Equal(IntegrationTest.Today, overview.AsAt);
        Assert.Equal(2, overview.Children);
        Assert.Equal(1, overview.ChildrenAllocated);
        Assert.Equal(1, overview.ChildrenUnallocated);
        var load = Assert.Single(overview.Teams);
        Assert.Equal((1, 1), (load.Workers, load.LeadCases));
        Assert.NotEqual(Guid.Empty, open);
    }

    [Fact]
    public async Task SaveTeam_AdministratorCreatesTeam_ListedWithItsManager()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");

        var id = await SendAsUserAsync(admin, new SaveTeam.Command
        {
            Name = "  Front door  ",
            Kind = TeamKind.FrontDoor,
            ManagerId = manager,
            CaseloadCapacityPerWorker = 20,
        });

        var team = Assert.Single(await SendAsUserAsync(admin, new ListTeams.Query()));
        Assert.Equal((id, "Front door", "Morgan Manager", 1), (team.Id, team.Name, team.ManagerName, team.MemberCount));
    }

    [Fact]
    public async Task SaveTeam_ManagerWithoutManagerRole_Refused()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, new SaveTeam.Command
        {
            Name = "Front door",
            Kind = TeamKind.FrontDoor,
            ManagerId = worker,
            CaseloadCapacityPerWorker = 20,
        }));

        Assert.Equal("ManagerId", Assert.Single(ex.Errors).PropertyName);
    }

    [Fact]
    public async Task SaveTeam_StaleVersion_ThrowsConflict()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var id = await SendAsUserAsync(admin, new SaveTeam.Command { Name = "Front door", Kind = TeamKind.FrontDoor, CaseloadCapacityPerWorker = 20 });
        var loaded = Assert.Single(await SendAsUserAsync(admin, new ListTeams.Query()));
        await SendAsUserAsync(admin, new SaveTeam.Command { TeamId = id, Version = loaded.Version, Name = "MASH", Kind = TeamKind.FrontDoor, CaseloadCapacityPerWorker = 20 });

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(admin,
            new SaveTeam.Command { TeamId = id, Version = loaded.Version, Name = "Front door team", Kind = TeamKind.FrontDoor, CaseloadCapacityPerWorker = 25 }));

        Assert.Equal("Ada Admin", ex.ChangedBy);
        Assert.Equal("MASH", Assert.Single(await SendAsUserAsync(admin, new ListTeams.Query())).Name);
    }
}
