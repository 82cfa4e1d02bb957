using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Allocations;

public sealed class AllocationTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task AllocateWorker_NewLead_EndsThePreviousLead()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var first = await CreateUserAsync(Roles.SocialWorker, "Fia First");
        var second = await CreateUserAsync(Roles.SocialWorker, "Sol Second");
        await CreateTeamAsync(manager, "Assessment team 1", first, second);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, first);
        Factory.Clock.Advance(TimeSpan.FromDays(3));

        var noReason = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(manager, new AllocateWorker.Command { PersonId = child, WorkerId = second }));
        var firstContact = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(manager, new AllocateWorker.Command { PersonId = child, WorkerId = second, LeadReason = "FCONTA" }));
        Assert.Equal(("LeadReason", "Select why the lead worker is changing"), (noReason.Field, noReason.Message));
        Assert.Equal("LeadReason", firstContact.Field);
        await SendAsUserAsync(manager, new AllocateWorker.Command { PersonId = child, WorkerId = second, LeadReason = "LEFTRL" });

        var allocations = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == child).OrderBy(a => a.StartedOn).ToListAsync());
        Assert.Equal(2, allocations.Count);
        // SSDA903 SWEpisodes SW_REASON: the first lead by first contact, the second because the first left the role.
        Assert.Equal(["FCONTA", "LEFTRL"], allocations.Select(a => a.LeadReason));
        var history = await Pages.PageHelpers.PageAsync(ClientFor(manager), $"/People/{child}/Allocations");
        Assert.Contains("Previous social worker left role (LEFTRL)", history, StringComparison.Ordinal);
        Assert.Contains("First contact or re-referral (FCONTA)", history, StringComparison.Ordinal);
        Assert.Equal((first, Today.AddDays(2)), (allocations[0].WorkerId, allocations[0].EndedOn));
        Assert.Equal((second, (DateOnly?)null, Today.AddDays(3)), (allocations[1].WorkerId, allocations[1].EndedOn, allocations[1].StartedOn));
        var record = await SendAsUserAsync(manager, new GetPersonRecord.Query(child));
        Assert.Equal("Sol Second", record.Lead!.WorkerName);
        Assert.Single(record.Allocations);
    }

    [Fact]
    public async Task AllocateWorker_CoWorker_SitsBesideTheLead()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var lead = await CreateUserAsync(Roles.SocialWorker, "Lou Lead");
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Kit Keyworker");
        await CreateTeamAsync(manager, "Assessment team 1", lead, keyworker);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, lead);

        await AllocateAsync(manager, child, keyworker, AllocationRole.CoWorker);

        var record = await SendAsUserAsync(manager, new GetPersonRecord.Query(child));
        Assert.Equal("Lou Lead", record.Lead!.WorkerName);
        Assert.Equal([AllocationRole.Lead, AllocationRole.CoWorker], record.Allocations.Select(a => a.Role));
        var myWork = await SendAsUserAsync(keyworker, new GetMyWork.Query());
        Assert.Equal(child, Assert.Single(myWork.MyCases).PersonId);
    }

    [Fact]
    public async Task AllocateWorker_WorkerOutsideTheManagersTeams_Refused()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var otherManager = await CreateUserAsync(Roles.TeamManager, "Oli Other");
        var outsider = await CreateUserAsync(Roles.SocialWorker, "Out Sider");
        await CreateTeamAsync(manager, "Assessment team 1");
        await CreateTeamAsync(otherManager, "Assessment team 2", outsider);
        var child = await CreateChildAsync(manager);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => AllocateAsync(manager, child, outsider));

        Assert.Equal("WorkerId", Assert.Single(ex.Errors).PropertyName);
        Assert.Equal(0, await WithDbAsync(db => db.Allocations.CountAsync()));
    }

    [Fact]
    public async Task AllocateWorker_SocialWorker_Forbidden()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var child = await CreateChildAsync(manager);

        await Assert.ThrowsAsync<Application.ForbiddenException>(() => AllocateAsync(worker, child, worker));
    }

    [Fact]
    public async Task AllocateWorker_Succeeds_AuditedAgainstTheChild()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        var child = await CreateChildAsync(manager);

        await AllocateAsync(manager, child, worker);

        var entry = Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "AllocateWorker").ToListAsync()));
        Assert.Equal((child, manager), (entry.PersonId, entry.UserId));
    }

    [Fact]
    public async Task TheManager_CorrectsWhenALeadStarted_FromTheAllocationHistory_AndThePreviousLeadsEndFollows()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var first = await CreateUserAsync(Roles.SocialWorker, "Fia First");
        var second = await CreateUserAsync(Roles.SocialWorker, "Sol Second");
        await CreateTeamAsync(manager, "Assessment team 1", first, second);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, first);
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        await AllocateAsync(manager, child, second, leadReason: "LEFTRL");
        var allocation = await WithDbAsync(db => db.Allocations.Where(a => a.WorkerId == second).Select(a => a.Id).SingleAsync());
        var client = ClientFor(manager);
        var form = $"/People/{child}/Corrections/AllocationStart/{allocation}";
        Assert.Contains($"href=\"{form}\"", await Pages.PageHelpers.PageAsync(client, $"/People/{child}/Allocations"), StringComparison.Ordinal);

        var corrected = await Pages.PageHelpers.PostFormAsync(client, form, [.. Pages.PageHelpers.DateFields("HeldOn", Today.AddDays(7)), Pages.PageHelpers.F("Input.Reason", "Sol took the case on the Tuesday; the allocation was entered after the weekend.")]);

        Assert.Equal("Corrected: the date of the allocation", await Pages.PageHelpers.BannerAfterAsync(client, corrected, $"/People/{child}/Allocations"));
        var all = await WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.StartedOn).ToListAsync());
        Assert.Equal([(first, Today, (DateOnly?)Today.AddDays(6)), (second, Today.AddDays(7), null)], all.Select(a => (a.WorkerId, a.StartedOn, a.EndedOn)));
        Assert.Contains($"Corrected from {Today.AddDays(10).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} by Morgan Manager (manager)", await Pages.PageHelpers.PageAsync(client, $"/People/{child}/Allocations"), StringComparison.Ordinal);
    }
}
