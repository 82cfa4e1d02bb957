using System.Globalization;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// A child becomes looked after, moves twice and leaves care, recorded by their social worker in Chromium,
/// with axe-core on every page visited. The episode chain is built from what she records: S, P, T, then the end.
/// </summary>
public sealed class LookedAfterJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheSocialWorkerRecordsAChildBecomingLookedAfter_TwoMoves_AndLeavingCare()
    {
        var childId = await ChildHeldByTheSocialWorkerAsync();
        var today = DateOnly.FromDateTime(BrowserHost.Today);

        var page = await host.NewPageAsync();
        await SignInAsync(page, "socialworker@demo.example", $"/People/{childId}");
        await AssertAccessibleAsync(page, "the child's record");
        await ClickAsync(page, "Looked after: periods of care, reviews and visits", AriaRole.Link);
        Assert.Contains("has not been looked after", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "looked after, before care");

        await ClickAsync(page, "Child becomes looked after");
        await AssertAccessibleAsync(page, "child becomes looked after");
        await ClickAsync(page, "Continue");
        Assert.Contains("Enter the date the child started to be looked after", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "child becomes looked after, with errors");
        await FillDateAsync(page, "StartedOn", today.AddDays(-60));
        await page.GetByLabel("Legal status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "V2" });
        await page.Locator("input[name='Input.CategoryOfNeed'][value='N4']").CheckAsync();
        // With no open referral, care opens the child's episode of need: the page asks where it came from and the need.
        Assert.Contains("has no open referral", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Where did the referral come from?").SelectOptionAsync(new SelectOptionValue { Value = "6" });
        await page.GetByLabel("The child's primary need").SelectOptionAsync(new SelectOptionValue { Value = "N1" });
        await FillPlacementAsync(page, "U6", "Smith family", "SN1 2AB");
        await page.GetByLabel("Child has not previously had a permanence option (Z1)").CheckAsync();
        // The banners, and the reason kept when leaving care is refused, are checked over HTTP
        // (LookedAfterPageTests.StartMoveAndLeavePages_EachLandOnTheLookedAfterPageWithTheirBanner_AndALeavingDateTooEarlyKeepsTheReason).
        // A consequential decision: the answers are checked before they are recorded, and can be changed.
        await ClickAsync(page, "Continue");
        var answers = await page.Locator("[data-testid=answers]").InnerTextAsync();
        Assert.Contains("Single period of accommodation under section 20 of the Children Act 1989 (V2)", answers, StringComparison.Ordinal);
        Assert.Contains("Smith family", answers, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "child becomes looked after, check your answers");
        await ClickAsync(page, "Change your answers");
        Assert.Equal("Smith family", await page.GetByLabel("Carer or setting").InputValueAsync());
        await ClickAsync(page, "Continue");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm: .+ is looked after$") }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("Started to be looked after (S)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "looked after, in care");

        await ClickAsync(page, "Placement changed", AriaRole.Link);
        await AssertAccessibleAsync(page, "placement changed");
        await FillDateAsync(page, "ChangedOn", today.AddDays(-30));
        await page.Locator("input[name='Input.SameCarer'][value='false']").CheckAsync();
        await FillPlacementAsync(page, "U6", "Jones family", "SN2 3CD", urn: "sc200002");
        await ClickAsync(page, "Record");
        // A move needs its reason: the page says so beside the question and keeps the URN typed.
        Assert.Contains("Select why the placement changed", await page.Locator("#Input_ReasonForChange-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("sc200002", await page.GetByLabel("Ofsted URN", new() { Exact = true }).InputValueAsync());
        await AssertAccessibleAsync(page, "placement changed, reason missing");
        await page.GetByLabel("Carer(s) requests placement end other than due to child’s behaviour (CREQO)").CheckAsync();
        await ClickAsync(page, "Record");
        await AssertAccessibleAsync(page, "looked after, after the first move");

        await ClickAsync(page, "Placement changed", AriaRole.Link);
        await FillDateAsync(page, "ChangedOn", today.AddDays(-10));
        await page.Locator("input[name='Input.SameCarer'][value='true']").CheckAsync();
        await FillPlacementAsync(page, "U4", "Jones family", "SN2 3CD", urn: "SC200002");
        await page.GetByLabel("Change to/Implementation of Care Plan (CARPL)").CheckAsync();
        await page.GetByLabel("The placement is intended to last until the child is 18").CheckAsync();
        await AssertAccessibleAsync(page, "placement changed, filled in");
        await ClickAsync(page, "Record");
        await AssertAccessibleAsync(page, "looked after, after the second move");

        await ClickAsync(page, "Leaves care", AriaRole.Link);
        await AssertAccessibleAsync(page, "leaves care");
        await FillDateAsync(page, "EndedOn", today.AddDays(-20));
        await page.GetByLabel("Why did", new() { Exact = false }).SelectOptionAsync(new SelectOptionValue { Value = "E4A" });
        var confirmLeaving = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm: .+ leaves care$") });
        await ClickAsync(page, "Continue");
        await AssertAccessibleAsync(page, "leaves care, check your answers");
        await confirmLeaving.ClickAsync();
        await page.Locator("#Input_EndedOn-error").WaitForAsync();
        await AssertAccessibleAsync(page, "leaves care, with an error");
        await FillDateAsync(page, "EndedOn", today.AddDays(-1));
        await ClickAsync(page, "Continue");
        await confirmLeaving.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        var episodes = await page.Locator("table").First.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, episodes.Count);
        Assert.Contains("Started to be looked after (S)", episodes[0], StringComparison.Ordinal);
        Assert.Contains("Moved on: Carer(s) requests placement end other than due to child’s behaviour (CREQO)", episodes[0], StringComparison.Ordinal);
        Assert.Contains("Placement changed, new carers (P)", episodes[1], StringComparison.Ordinal);
        Assert.Contains("Jones family (U6, PR1), SN2 3CD, URN SC200002", episodes[1], StringComparison.Ordinal);
        Assert.Contains("Moved on: Change to/Implementation of Care Plan (CARPL)", episodes[1], StringComparison.Ordinal);
        Assert.Contains("Placement changed, same carers (T)", episodes[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Moved on", episodes[2], StringComparison.Ordinal);
        Assert.Contains(Day(today.AddDays(-1)), episodes[2], StringComparison.Ordinal);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains($"Stopped being looked after on {Day(today.AddDays(-1))}", main, StringComparison.Ordinal);
        Assert.Contains("(E4A)", main, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "looked after, after leaving care");
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"#Input_{field}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#Input_{field}_Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#Input_{field}_Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task FillPlacementAsync(IPage page, string type, string carer, string postcode, string urn = "SC100001")
    {
        await page.GetByLabel("Ofsted URN", new() { Exact = true }).FillAsync(urn);
        await page.GetByLabel("Placement type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = type });
        await page.Locator("input[name='Input.PlacementProvider'][value='PR1']").CheckAsync();
        await page.GetByLabel("Carer or setting", new() { Exact = true }).FillAsync(carer);
        await page.GetByLabel("Placement postcode", new() { Exact = true }).FillAsync(postcode);
        await page.Locator("input[name='Input.PlacementApproval'][value='Approved']").CheckAsync();
    }

    /// <summary>A child of school age nobody holds and who has never been looked after, allocated to the demo social worker.</summary>
    private async Task<Guid> ChildHeldByTheSocialWorkerAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var moving = db.CaseTransfers.SelectMany(t => t.Children.Select(c => c.ChildId));
        var inCare = db.PeriodsOfCare.Select(p => p.ChildId);
        var referred = db.Referrals.Where(r => r.Status == ReferralStatus.Open).Select(r => r.ChildId);
        var child = await db.People
            .Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth < today.AddYears(-2) && p.DateOfBirth > today.AddYears(-16)
                && !held.Contains(p.Id) && !moving.Contains(p.Id) && !inCare.Contains(p.Id) && !referred.Contains(p.Id))
            .OrderByDescending(p => p.FamilyName).Select(p => p.Id).FirstAsync(ct);
        db.Allocations.Add(new Allocation(child, worker, team.Id, AllocationRole.Lead, today.AddDays(-90), team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return child;
    }
}
