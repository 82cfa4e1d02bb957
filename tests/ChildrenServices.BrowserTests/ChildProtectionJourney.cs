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

/// <summary>
/// Referral → assessment → strategy discussion → section 47 → initial conference → child protection plan →
/// review conference → plan ends → step-down, as the social worker, the reviewing officer and the manager
/// record it, in Chromium, with axe-core on every page visited.
/// </summary>
public sealed class ChildProtectionJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task FromReferralThroughAChildProtectionPlanToStepDown()
    {
        var today = BrowserHost.Today;
        var (childId, name) = await ReferredChildAsync(DateOnly.FromDateTime(today.AddDays(-30)));

        // The social worker starts the assessment the day after the referral.
        var worker = await host.NewPageAsync();
        await SignInAsync(worker, "socialworker@demo.example", $"/People/{childId}/Assessment");
        await FillDateAsync(worker, "Input_StartedOn", today.AddDays(-29));
        await ClickAsync(worker, "Start the assessment");
        await AssertAccessibleAsync(worker, "assessment started");

        // A strategy discussion during the assessment decides on a section 47 enquiry.
        await worker.GotoAsync($"/People/{childId}/ChildProtection");
        await AssertAccessibleAsync(worker, "child protection, nothing yet");
        await ClickAsync(worker, "Record a strategy discussion", AriaRole.Link);
        await AssertAccessibleAsync(worker, "strategy discussion form");
        await FillDateAsync(worker, "Input_HeldOn", today.AddDays(-20));
        await worker.GetByLabel("Agencies that took part").FillAsync("Police, health visitor, school, children's social care");
        await worker.GetByLabel("Start a section 47 enquiry").CheckAsync();
        await worker.GetByLabel("Rationale").FillAsync("Unexplained bruising to the upper arm; the account given changed twice.");
        await ClickAsync(worker, "Record the strategy discussion");
        Assert.Contains("Strategy discussion recorded", await BannerAsync(worker), StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "enquiry open");

        await ClickAsync(worker, "Record the enquiry's outcome", AriaRole.Link);
        await AssertAccessibleAsync(worker, "section 47 outcome form");
        await FillDateAsync(worker, "Input_ConcludedOn", today.AddDays(-18));
        await worker.GetByLabel("Findings").FillAsync("Likely non-accidental injury; home conditions poor; mum overwhelmed.");
        await worker.GetByLabel("An initial child protection conference is needed").CheckAsync();
        await ClickAsync(worker, "Record the outcome");
        Assert.Contains("Section 47 enquiry outcome recorded", await BannerAsync(worker), StringComparison.Ordinal);

        // The reviewing officer chairs the initial conference: a plan under neglect.
        var chair = await host.NewPageAsync();
        await SignInAsync(chair, "iro@demo.example", $"/People/{childId}/ChildProtection");
        await ClickAsync(chair, "Record the initial conference", AriaRole.Link);
        await AssertAccessibleAsync(chair, "initial conference form");
        await FillDateAsync(chair, "Input_HeldOn", today.AddDays(-15));
        await chair.GetByLabel("Child protection plan", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Initial category of abuse (child protection plan only)").SelectOptionAsync("NEG");
        await ClickAsync(chair, "Record the conference");
        Assert.Contains("Initial child protection conference recorded", await BannerAsync(chair), StringComparison.Ordinal);
        Assert.Contains("Child protection plan from", await chair.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(chair, "child protection plan");

        // The assessment completes and the manager authorises it.
        await worker.GotoAsync($"/People/{childId}/Assessment/Seen");
        await FillDateAsync(worker, "Input_SeenOn", today.AddDays(-27));
        await worker.GetByLabel("was seen alone").CheckAsync();
        await ClickAsync(worker, "Record");
        await worker.GetByLabel("Your analysis").FillAsync("Neglect of the children's basic care; bruising explained inconsistently. A child protection plan is in place.");
        await worker.GetByLabel("16A Abuse or neglect").CheckAsync();
        await worker.GetByLabel("Strategy discussion", new() { Exact = true }).CheckAsync();
        await ClickAsync(worker, "Save and send for authorisation");
        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "manager@demo.example", "/Approvals");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Assessment authorisation for {name}" }).ClickAsync();
        await manager.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Rationale").FillAsync("Agreed; the plan is the right response.");
        await ClickAsync(manager, "Continue");
        await ClickAsync(manager, "Confirm decision");
        Assert.Contains("Assessment authorised", await BannerAsync(manager), StringComparison.Ordinal);

        // The review conference ends the plan.
        await chair.GotoAsync($"/People/{childId}/ChildProtection");
        await ClickAsync(chair, "Record a review conference", AriaRole.Link);
        await AssertAccessibleAsync(chair, "review conference form");
        await chair.GetByLabel("The plan ends").CheckAsync();
        await chair.GetByLabel("What did the conference decide?").FillAsync("Home conditions and care much improved; no longer at risk of significant harm. Support continues.");
        await ClickAsync(chair, "Record the review conference");
        Assert.Contains("plan ends", await chair.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(chair, "plan ended");

        // The social worker asks to step the family down; the manager approves with a keyworker.
        await worker.GotoAsync($"/People/{childId}/Contacts");
        await ClickAsync(worker, "Ask to step down to a keyworker", AriaRole.Link);
        await worker.GetByLabel("From a child in need plan", new() { Exact = false }).CheckAsync();
        await worker.GetByLabel("Why can the family's needs now be met with a keyworker's support?").FillAsync("The plan has ended; what remains is routines and school attendance.");
        await ClickAsync(worker, "Send to my manager");
        Assert.Contains("Step-down request sent", await BannerAsync(worker), StringComparison.Ordinal);
        await manager.GotoAsync("/Approvals");
        await manager.Locator("a", new() { HasText = "Step-down" }).Filter(new() { HasText = name }).ClickAsync();
        await manager.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Rationale").FillAsync("Agreed: a keyworker can hold this now.");
        await manager.GetByLabel("Keyworker who takes the family").SelectOptionAsync(new SelectOptionValue { Label = "Tom Ashdown" });
        await ClickAsync(manager, "Continue");
        await AssertAccessibleAsync(manager, "check the step-down");
        await ClickAsync(manager, "Confirm decision");
        Assert.Contains("Step-down approved", await BannerAsync(manager), StringComparison.Ordinal);

        await worker.GotoAsync($"/People/{childId}/Contacts");
        Assert.Contains("Closed", await worker.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(worker, "contacts after step-down");
    }

    /// <summary>A child nobody holds, referred on the given date and allocated to the demo social worker in the assessment team.</summary>
    private async Task<(Guid Id, string Name)> ReferredChildAsync(DateOnly referred)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var referrals = db.Referrals.Select(r => r.ChildId);
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && p.DateOfBirth < referred.AddYears(-2) && !held.Contains(p.Id) && !referrals.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync(ct);
        db.Referrals.Add(new Referral(child.Id, null, referred, "6", "N1", team.Id, false, null, WorkingDayCalendar.EnglandAndWales));
        db.Allocations.Add(new Allocation(child.Id, worker, team.Id, AllocationRole.Lead, referred, team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (child.Id, $"{child.GivenNames} {child.FamilyName}");
    }
}
