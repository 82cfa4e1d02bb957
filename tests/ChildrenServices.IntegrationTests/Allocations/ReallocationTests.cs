using System.Net;
using ChildrenServices.Application;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Home;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Allocations;

/// <summary>
/// A manager drills into a worker's caseload from "My teams" and moves several children — or a sibling group —
/// to another worker in one go. Today is 24 November 2026.
/// </summary>
public sealed class ReallocationTests(AppFactory factory) : IntegrationTest(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private Guid manager;
    private Guid busy;
    private Guid other;
    private Guid outsider;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        busy = await CreateUserAsync(Roles.SocialWorker, "Bea Busy");
        other = await CreateUserAsync(Roles.SocialWorker, "Oli Other");
        var otherManager = await CreateUserAsync(Roles.TeamManager, "Nia Nother");
        outsider = await CreateUserAsync(Roles.SocialWorker, "Out Sider");
        await CreateTeamAsync(manager, "Assessment team 1", busy, other);
        await CreateTeamAsync(otherManager, "Assessment team 2", outsider);
    }

    private async Task<List<Guid>> ChildrenOfBusyAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var child = await CreateChildAsync(manager, $"Child{(char)('A' + i)}", "Lewis");
            await AllocateAsync(manager, child, busy);
            ids.Add(child);
        }

        return ids;
    }

    private Task<List<(Guid Child, Guid Worker, AllocationRole Role)>> CurrentAsync() =>
        WithDbAsync(async db => (await db.Allocations.Where(a => a.EndedOn == null).Select(a => new { a.ChildId, a.WorkerId, a.Role }).ToListAsync())
            .Select(a => (a.ChildId, a.WorkerId, a.Role)).ToList());

    [Fact]
    public async Task SeveralChildren_MoveToTheNewWorkerInOneGo_TheOldLeadsEndAndEachChildHasOneLead()
    {
        var children = await ChildrenOfBusyAsync(3);
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        await SendAsUserAsync(manager, new ReallocateChildren.Command { FromWorkerId = busy, ToWorkerId = other, ChildIds = [children[0], children[2]], LeadReason = "MANAGE" });

        var current = await CurrentAsync();
        Assert.Equal([(children[0], other), (children[1], busy), (children[2], other)],
            children.Select(c => (c, Assert.Single(current, a => a.Child == c && a.Role == AllocationRole.Lead).Worker)));
        var ended = await WithDbAsync(db => db.Allocations.Where(a => a.EndedOn != null).Select(a => new { a.ChildId, a.WorkerId, a.EndedOn }).ToListAsync());
        Assert.Equal([(children[0], busy, (DateOnly?)Today.AddDays(1)), (children[2], busy, Today.AddDays(1))],
            ended.OrderBy(e => children.IndexOf(e.ChildId)).Select(e => (e.ChildId, e.WorkerId, e.EndedOn)));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ReallocateChildren" && a.UserId == manager && (a.PersonId == children[0] || a.PersonId == children[2]))));
    }

    [Fact]
    public async Task AWorkerOutsideTheTeam_NoChildren_OrTheSameWorker_IsRefused_AndNothingMoves()
    {
        var children = await ChildrenOfBusyAsync(2);

        foreach (var (command, field, message) in new (ReallocateChildren.Command, string, string)[]
        {
            (new() { FromWorkerId = busy, ToWorkerId = outsider, ChildIds = children }, "ToWorkerId", "Select a worker in the team that holds these children"),
            (new() { FromWorkerId = busy, ToWorkerId = other, ChildIds = [] }, "ChildIds", "Select the children to move"),
            (new() { FromWorkerId = busy, ToWorkerId = busy, ChildIds = children }, "ToWorkerId", "Select a different worker: these children are already theirs"),
            (new() { FromWorkerId = busy, ToWorkerId = null, ChildIds = children }, "ToWorkerId", "Select the worker to move the children to"),
            (new() { FromWorkerId = busy, ToWorkerId = other, ChildIds = children }, "LeadReason", "Select why the lead worker is changing"),
        })
        {
            var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(manager, command));
            Assert.Contains(ex.Errors, e => e.PropertyName == field && e.ErrorMessage == message);
        }

        Assert.All(await CurrentAsync(), a => Assert.Equal(busy, a.Worker));
    }

    [Fact]
    public async Task AChildTheManagerCannotSee_AmongTheSelection_IsNotFound_AndNothingMoves()
    {
        var children = await ChildrenOfBusyAsync(2);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await SendAsUserAsync(manager, new ReallocateChildren.Command { FromWorkerId = busy, ToWorkerId = other, ChildIds = [children[0], Guid.NewGuid(), children[1]], LeadReason = "MANAGE" }));

        Assert.All(await CurrentAsync(), a => Assert.Equal(busy, a.Worker));
    }

    [Fact]
    public async Task IfOneChildIsNoLongerTheWorkers_NoChildMoves()
    {
        var children = await ChildrenOfBusyAsync(2);
        await AllocateAsync(manager, children[1], other, leadReason: "MANAGE");

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await SendAsUserAsync(manager, new ReallocateChildren.Command { FromWorkerId = busy, ToWorkerId = other, ChildIds = children, LeadReason = "MANAGE" }));

        Assert.Equal("ChildIds", ex.Field);
        Assert.StartsWith("One of the children selected is no longer led by this worker in your team", ex.Message, StringComparison.Ordinal);
        Assert.Equal(busy, Assert.Single(await CurrentAsync(), a => a.Child == children[0]).Worker);
    }

    [Fact]
    public async Task AWorkerWhoCoWorksAChild_BecomesItsLead_AndTheCoWorkingEnds()
    {
        var children = await ChildrenOfBusyAsync(1);
        await AllocateAsync(manager, children[0], other, AllocationRole.CoWorker);

        await SendAsUserAsync(manager, new ReallocateChildren.Command { FromWorkerId = busy, ToWorkerId = other, ChildIds = children, LeadReason = "MANAGE" });

        Assert.Equal([(children[0], other, AllocationRole.Lead)], await CurrentAsync());
    }

    [Fact]
    public async Task AWorkersCaseload_ShowsEachChildsStatusHouseholdAndLastSeen_AndIsOnlyForTheirManager()
    {
        var children = await ChildrenOfBusyAsync(2);
        var household = new Household("14 Elm Road");
        household.Join(children[0], Today.AddYears(-1));
        household.Join(children[1], Today.AddYears(-1));
        await WithDbAsync(async db =>
        {
            db.Households.Add(household);
            db.CaseNotes.Add(new Domain.Recording.CaseNote(children[0], Domain.Recording.CaseNoteType.Visit, Today.AddDays(-3), null, "Home visit", "Seen at home.", "Child and mum", true, false, false, busy, AppFactory.Now.UtcDateTime, Today));
            await db.SaveChangesAsync();
        });

        var caseload = await SendAsUserAsync(manager, new GetWorkerCaseload.Query(busy));

        Assert.Equal(("Bea Busy", 2, 0), (caseload.WorkerName, caseload.LeadCases, caseload.Families));
        Assert.All(caseload.Children, c => Assert.Equal((household.Id, "14 Elm Road", "Open case"), (c.HouseholdId, c.HouseholdName, c.Status)));
        Assert.Equal((DateOnly?)Today.AddDays(-3), Assert.Single(caseload.Children, c => c.ChildId == children[0]).LastSeen);
        Assert.Null(Assert.Single(caseload.Children, c => c.ChildId == children[1]).LastSeen);
        await Assert.ThrowsAsync<NotFoundException>(async () => await SendAsUserAsync(manager, new GetWorkerCaseload.Query(outsider)));
    }

    [Fact]
    public async Task ThePage_MovesAWholeHouseholdFromOneTick_AndRefusesAnEmptySelectionBesideTheList()
    {
        var children = await ChildrenOfBusyAsync(3);
        var household = new Household("14 Elm Road");
        household.Join(children[0], Today.AddYears(-1));
        household.Join(children[1], Today.AddYears(-1));
        await WithDbAsync(async db =>
        {
            db.Households.Add(household);
            await db.SaveChangesAsync();
        });
        var client = ClientFor(manager);
        var url = $"/Team/Workers/{busy}";

        var page = await (await client.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bea Busy&#x27;s caseload", page, StringComparison.Ordinal);
        Assert.Contains("14 Elm Road: 2 siblings", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Team/Workers/{busy}\"", await (await client.GetAsync("/Team", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var empty = await PostFormAsync(client, url, [F("Input.ToWorkerId", other.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Select the children to move", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var moved = await PostFormAsync(client, url, [F("HouseholdIds", household.Id.ToString()), F("Input.ToWorkerId", other.ToString()), F("Input.LeadReason", "LEFTRL")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var current = await CurrentAsync();
        Assert.Equal([other, other, busy], children.Select(c => Assert.Single(current, a => a.Child == c).Worker));
        Assert.Equal(["LEFTRL", "LEFTRL"], await WithDbAsync(db => db.Allocations.Where(a => a.WorkerId == other && a.EndedOn == null).Select(a => a.LeadReason!).ToListAsync(Ct)));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(other).GetAsync(url, Ct)).StatusCode);
    }
}
