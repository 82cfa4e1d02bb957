using System.Globalization;
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
/// A child in need review was recorded three weeks ago with the wrong date, too long ago for the social worker to correct
/// it herself: the team manager corrects it in Chromium with a reason, and the visits and reviews and the chronology show
/// the corrected date with the correction beside it; axe-core on every page, with and without errors.
/// </summary>
public sealed class CorrectionJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheManagerCorrectsAReviewDate_WithAReason_AndTheChronologyFollows()
    {
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        var recorded = today.AddDays(-21);
        var actual = today.AddDays(-22);
        var childId = await ChildWithAReviewAsync(recorded);

        var page = await host.NewPageAsync();
        await SignInAsync(page, "manager@demo.example", $"/People/{childId}/Visits");
        await AssertAccessibleAsync(page, "visits and reviews, before the correction");
        await ClickAsync(page, $"Correct the date of the child in need plan review on {Day(recorded)}", AriaRole.Link);
        await AssertAccessibleAsync(page, "correct a review date");

        await FillDateAsync(page, "Input_HeldOn", actual.ToDateTime(TimeOnly.MinValue));
        await ClickAsync(page, "Correct the date");
        Assert.Contains("Say why the date was wrong", await page.Locator("#Input_Reason-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(actual.Day.ToString(CultureInfo.InvariantCulture), await page.Locator("#Input_HeldOn").InputValueAsync());
        await AssertAccessibleAsync(page, "correct a review date, reason missing");
        await page.GetByLabel("Why was the recorded date wrong?").FillAsync("The review met the day before; the date of the minutes was typed.");
        await ClickAsync(page, "Correct the date");

        Assert.Contains("Corrected: the date of the child in need review", await BannerAsync(page), StringComparison.Ordinal);
        var row = await page.Locator("table tbody tr", new() { HasText = "Child in need plan review" }).InnerTextAsync();
        Assert.Contains(Day(actual), row, StringComparison.Ordinal);
        Assert.Contains($"Corrected from {Day(recorded)} by Sam Patel (manager): The review met the day before", row, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "visits and reviews, after the correction");

        await page.GotoAsync($"/People/{childId}/Chronology");
        var entry = await page.Locator(".moj-timeline__item", new() { HasText = "Child in need review" }).InnerTextAsync();
        Assert.Contains(Day(actual), entry, StringComparison.Ordinal);
        Assert.Contains($"Date corrected from {Day(recorded)} to {Day(actual)} by Sam Patel (manager)", entry, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "chronology after the correction");
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A child referred to the demo social worker, on a child in need plan with a review she recorded on the day it says.</summary>
    private async Task<Guid> ChildWithAReviewAsync(DateOnly reviewOn)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        var (child, referral, worker) = await DemoCases.ReferToTheSocialWorkerAsync(db, today, 150, people => people.OrderBy(p => p.GivenNames), ct);
        var plan = new ChildInNeedPlan(referral, today.AddDays(-100), today);
        plan.RecordReview(reviewOn, "Attendance up; dad engaging with the alcohol service.", reviewOn, worker);
        db.ChildInNeedPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return child;
    }
}
