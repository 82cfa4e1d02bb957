using System.Globalization;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// A pilot team's worklists in Chromium, axe-core on every page visited: the reviewing officer finds her children
/// on My work and records a review; the manager drills into an overloaded worker and moves two children on.
/// </summary>
public sealed class WorklistJourneys(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheReviewingOfficerFindsTheirChildrenOnMyWork_AndRecordsAReview()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "iro@demo.example", "/MyWork");
        var worklist = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Reviews and conferences I chair", worklist, StringComparison.Ordinal);
        Assert.Contains("Overdue", worklist, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "my work, as reviewing officer");

        // The first looked-after review on the list, soonest due first.
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Looked-after review for |^First looked-after review for ") }).First;
        var href = await link.GetAttributeAsync("href");
        var childId = Guid.Parse(href!.Split('/')[2]);
        await link.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Record a review", await HeadingAsync(page));
        await AssertAccessibleAsync(page, "record a review");

        await ClickAsync(page, "Record");
        var errors = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter the date the review was held", errors, StringComparison.Ordinal);
        Assert.Contains("Select whether the review endorsed the care plan", errors, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "record a review, with errors");

        var today = BrowserHost.Today;
        await FillDateAsync(page, "Input_HeldOn", today);
        var underFour = await ChildIsUnderFourAsync(childId, DateOnly.FromDateTime(today));
        await page.Locator($"input[name='Input.ParticipationCode'][value='{(underFour ? "PN0" : "PN1")}']").CheckAsync();
        await page.GetByLabel("Who attended?").FillAsync("Child, foster carers, social worker, birth mother by video");
        await page.Locator("input[name='Input.CarePlanEndorsed'][value='true']").CheckAsync();
        foreach (var status in await page.Locator("input[name$='.Status'][value='Done']").AllAsync())
        {
            await status.CheckAsync();
        }

        await page.Locator("#Input_Recommendations_0__Text").FillAsync("Arrange fortnightly contact with her brother");
        await page.Locator("#Input_Recommendations_0__Owner").FillAsync("Social worker");
        await FillDateAsync(page, "Input_Recommendations_0__DueOn", today.AddDays(28));
        await AssertAccessibleAsync(page, "record a review, filled in");
        await ClickAsync(page, "Record");

        Assert.Contains("Recorded: the review", await BannerAsync(page), StringComparison.Ordinal);
        await page.Locator("summary", new() { HasText = $"What the review on {today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} decided" }).First.ClickAsync();
        var overview = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Arrange fortnightly contact with her brother", overview, StringComparison.Ordinal);
        Assert.Contains("Endorsed", overview, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "looked after, after the review");
    }

    [Fact]
    public async Task AManagerDrillsIntoAnOverloadedWorker_AndMovesTwoChildrenToAnotherWorker()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "manager@demo.example", "/Team");
        await AssertAccessibleAsync(page, "my teams");

        var overloaded = page.Locator("tr", new() { Has = page.Locator(".govuk-tag--red", new() { HasText = "Over capacity" }) }).First;
        var worker = overloaded.GetByRole(AriaRole.Link).First;
        var workerHref = await worker.GetAttributeAsync("href");
        await worker.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.EndsWith("'s caseload", await HeadingAsync(page), StringComparison.Ordinal);
        Assert.Contains("Over capacity by", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "an overloaded worker's caseload");

        await ClickAsync(page, "Move children");
        Assert.Contains("Select the children to move", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "caseload, nothing selected");

        var boxes = page.Locator("input[name='Input.ChildIds']");
        var first = await boxes.Nth(0).GetAttributeAsync("value");
        var second = await boxes.Nth(1).GetAttributeAsync("value");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        var move = page.GetByLabel("Move to");
        var target = await move.Locator("option").Nth(1).GetAttributeAsync("value");
        await move.SelectOptionAsync(new SelectOptionValue { Value = target! });
        await page.GetByLabel("Why is their lead worker changing?").SelectOptionAsync(new SelectOptionValue { Value = "MANAGE" });
        await ClickAsync(page, "Move children");

        // The banner, the address it lands on and the list without the two are checked over HTTP
        // (JourneyOutcomePageTests.CaseloadPage_TwoChildrenMoved_LandsBackOnTheCaseloadWithABannerNamingTheNewWorker).
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == workerHref);
        await AssertAccessibleAsync(page, "caseload after moving two children");

        var leads = await LeadWorkersAsync(Guid.Parse(first!), Guid.Parse(second!));
        Assert.All(leads, w => Assert.Equal(Guid.Parse(target!), w));
    }

    private async Task<bool> ChildIsUnderFourAsync(Guid childId, DateOnly on)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var born = await db.People.Where(p => p.Id == childId).Select(p => p.DateOfBirth).SingleAsync(TestContext.Current.CancellationToken);
        return born is { } b && on < b.AddYears(4);
    }

    private async Task<List<Guid>> LeadWorkersAsync(params Guid[] children)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Allocations.Where(a => children.Contains(a.ChildId) && a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead)
            .Select(a => a.WorkerId).ToListAsync(TestContext.Current.CancellationToken);
    }
}
