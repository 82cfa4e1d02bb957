using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>A case moves between teams with a handover note, in Chromium, with axe-core on every page.</summary>
public sealed class TransferJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task AManagerTransfersACase_TheReceivingManagerAcceptsAndAllocates_TheWorkerSeesTheHistory()
    {
        var (childId, name) = await ChildHeldByTheSocialWorkerAsync();

        var sender = await host.NewPageAsync();
        await SignInAsync(sender, "manager@demo.example", $"/People/{childId}");
        await ClickAsync(sender, "Transfer to another team", AriaRole.Link);
        await AssertAccessibleAsync(sender, "transfer to another team");
        await sender.GetByLabel("Which team will take the case?").SelectOptionAsync(new SelectOptionValue { Label = "Children in Need and Protection North" });
        await ClickAsync(sender, "Send the transfer");
        Assert.Contains("Write the handover note for the new team", await sender.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(sender, "transfer with an error");
        await sender.GetByLabel("Handover note").FillAsync("Assessment authorised: CIN plan agreed. Dad's drinking at weekends is the worry; mum is protective. CIN review due in 3 weeks.");
        await ClickAsync(sender, "Send the transfer");
        Assert.Contains("your team keeps the case", await sender.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(sender, "allocation history with a pending transfer");

        var receiver = await host.NewPageAsync();
        await SignInAsync(receiver, "c.brightwell@demo.example", "/Team");
        await receiver.GetByRole(AriaRole.Link, new() { Name = $"Read the handover for {name}" }).ClickAsync();
        await receiver.GetByText("Dad's drinking at weekends").WaitForAsync();
        await AssertAccessibleAsync(receiver, "transfer to accept");
        await receiver.GetByLabel("Bethany Frost", new() { Exact = false }).CheckAsync();
        await ClickAsync(receiver, "Accept and allocate");
        await receiver.Locator(".govuk-notification-banner", new() { HasText = "Bethany Frost now holds the case" }).WaitForAsync();
        await AssertAccessibleAsync(receiver, "my teams after accepting a transfer");

        var worker = await host.NewPageAsync();
        await SignInAsync(worker, "socialworker@demo.example", $"/People/{childId}/Allocations");
        var history = await worker.Locator("main").InnerTextAsync();
        Assert.Contains("Assessment Team to Children in Need and Protection North", history, StringComparison.Ordinal);
        Assert.Contains("allocated to Bethany Frost", history, StringComparison.Ordinal);
        Assert.Contains("Dad's drinking at weekends", history, StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "allocation history");
    }

    /// <summary>A child nobody holds, allocated to the demo social worker in the assessment team as a referral would be.</summary>
    private async Task<(Guid Id, string Name)> ChildHeldByTheSocialWorkerAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var moving = db.CaseTransfers.SelectMany(t => t.Children.Select(c => c.ChildId));
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !held.Contains(p.Id) && !moving.Contains(p.Id))
            .OrderBy(p => p.GivenNames).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync(ct);
        db.Allocations.Add(new Allocation(child.Id, worker, team.Id, AllocationRole.Lead, DateOnly.FromDateTime(BrowserHost.Today).AddDays(-20), team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (child.Id, $"{child.GivenNames} {child.FamilyName}");
    }
}
