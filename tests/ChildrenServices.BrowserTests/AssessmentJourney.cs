using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>A child and family assessment from start to the manager's authorisation, in Chromium, with axe-core on every page.</summary>
public sealed class AssessmentJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ASocialWorkerAssesses_TheManagerAuthorisesAfterCheckingTheDecision()
    {
        var (childId, name) = await ReferredChildAsync();

        var worker = await host.NewPageAsync();
        await SignInAsync(worker, "socialworker@demo.example", $"/People/{childId}/Assessment");
        await AssertAccessibleAsync(worker, "assessment not started");
        await ClickAsync(worker, "Start the assessment");
        Assert.Contains("Assessment started", await BannerAsync(worker), StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "assessment form");

        await ClickAsync(worker, "Record a date the child was seen", AriaRole.Link);
        await AssertAccessibleAsync(worker, "record a date seen");
        await worker.GetByLabel("was seen alone").CheckAsync();
        await ClickAsync(worker, "Record");
        Assert.Contains("Date seen recorded", await BannerAsync(worker), StringComparison.Ordinal);

        await worker.GetByLabel("Your analysis").FillAsync("Dad's drinking at weekends leaves the children unsupervised. Mum is protective and wants help with evenings.");
        await worker.GetByLabel("1B Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)").CheckAsync();
        await worker.GetByLabel("Child in need plan").CheckAsync();
        await ClickAsync(worker, "Save and send for authorisation");
        Assert.Contains("sent to your manager", await BannerAsync(worker), StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "assessment waiting for authorisation");

        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "manager@demo.example", "/Approvals");
        await AssertAccessibleAsync(manager, "approvals with an assessment");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Assessment authorisation for {name}" }).ClickAsync();
        await manager.GetByText("Read the assessment").WaitForAsync();
        await AssertAccessibleAsync(manager, "authorise an assessment");
        await manager.GetByLabel("Approve").CheckAsync();
        await manager.GetByLabel("Rationale").FillAsync("Clear analysis; agree a child in need plan.");
        await ClickAsync(manager, "Continue");
        Assert.Equal("Check your decision", await HeadingAsync(manager));
        Assert.Contains("Child in need plan", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(manager, "check the authorisation");
        await ClickAsync(manager, "Confirm decision");
        Assert.Contains("Assessment authorised", await BannerAsync(manager), StringComparison.Ordinal);

        await worker.GotoAsync($"/People/{childId}/Assessment");
        Assert.Contains("Authorised", await worker.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("by Sam Patel", await worker.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "authorised assessment");
    }

    /// <summary>A child nobody holds, referred today and allocated to the demo social worker in the assessment team.</summary>
    private async Task<(Guid Id, string Name)> ReferredChildAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var referred = db.Referrals.Select(r => r.ChildId);
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !held.Contains(p.Id) && !referred.Contains(p.Id))
            .OrderByDescending(p => p.GivenNames).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync(ct);
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        db.Referrals.Add(new Referral(child.Id, null, today, "2A", "N1", team.Id, false, null, WorkingDayCalendar.EnglandAndWales));
        db.Allocations.Add(new Allocation(child.Id, worker, team.Id, AllocationRole.Lead, today, team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (child.Id, $"{child.GivenNames} {child.FamilyName}");
    }
}
