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
/// The social worker records pre-proceedings in Chromium, from the legal planning meeting's decision through the letter
/// offering a family group decision-making meeting to that meeting held with the family's proposal, and the initial
/// meeting with the parents; axe-core on every page, with and without errors.
/// </summary>
public sealed class PreProceedingsJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheSocialWorkerRecordsPreProceedings_ThroughToAFamilyGroupDecisionMakingMeeting()
    {
        var childId = await ReferredChildHeldByTheSocialWorkerAsync();
        var today = BrowserHost.Today;

        var page = await host.NewPageAsync();
        await SignInAsync(page, "socialworker@demo.example", $"/People/{childId}");
        await ClickAsync(page, "Pre-proceedings and family group decision making", AriaRole.Link);
        await AssertAccessibleAsync(page, "pre-proceedings, before they start");

        await FillDateAsync(page, "Input_StartedOn", today.AddDays(-20));
        await ClickAsync(page, "Start pre-proceedings");
        Assert.Contains("Say why the legal planning meeting decided to start pre-proceedings", await page.Locator("#Input_Rationale-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(-20).Day.ToString(CultureInfo.InvariantCulture), await page.Locator("#Input_StartedOn").InputValueAsync());
        await AssertAccessibleAsync(page, "start pre-proceedings, rationale missing");
        await page.GetByLabel("Why did it decide to start pre-proceedings?").FillAsync("Neglect has continued through the child protection plan; the legal planning meeting found the threshold met.");
        await ClickAsync(page, "Start pre-proceedings");
        Assert.Contains("Pre-proceedings started", await BannerAsync(page), StringComparison.Ordinal);

        await ClickAsync(page, "Record the letter before proceedings", AriaRole.Link);
        await AssertAccessibleAsync(page, "letter before proceedings");
        await FillDateAsync(page, "Input_LetterSentOn", today.AddDays(-18));
        await page.Locator("input[name='Input.FgdmOffered'][value='true']").CheckAsync();
        await ClickAsync(page, "Record the letter");
        Assert.Contains("Recorded: the letter before proceedings", await BannerAsync(page), StringComparison.Ordinal);

        await ClickAsync(page, "Record a pre-proceedings meeting", AriaRole.Link);
        Assert.Contains("This will be the initial pre-proceedings meeting.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "pre-proceedings meeting");
        await FillDateAsync(page, "Input_HeldOn", today.AddDays(-15));
        await page.GetByLabel("What did the meeting agree?").FillAsync("Both parents and their solicitor attended; the expectations and a twelve-week timetable were agreed.");
        await ClickAsync(page, "Record the meeting");

        await ClickAsync(page, "Record the family meeting", AriaRole.Link);
        await AssertAccessibleAsync(page, "family group decision-making meeting");
        await page.Locator("input[name='Input.FgdmAccepted'][value='true']").CheckAsync();
        await FillDateAsync(page, "Input_FgdmHeldOn", today.AddDays(-19));
        await page.GetByLabel("What did the family propose?").FillAsync("The paternal aunt will stay three nights a week; the grandparents will have the children at weekends.");
        await ClickAsync(page, "Record the meeting");
        // A meeting before the letter that offered it is refused beside its date, with the proposal kept.
        Assert.Contains("The meeting cannot be before the letter that offered it", await page.Locator("#Input_FgdmHeldOn-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("The paternal aunt", await page.GetByLabel("What did the family propose?").InputValueAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "family group decision-making meeting, date refused");
        await FillDateAsync(page, "Input_FgdmHeldOn", today.AddDays(-10));
        await ClickAsync(page, "Record the meeting");
        Assert.Contains("Recorded: the family group decision-making meeting", await BannerAsync(page), StringComparison.Ordinal);

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains($"Held {Day(today.AddDays(-10))}", main, StringComparison.Ordinal);
        Assert.Contains("The paternal aunt will stay three nights a week", main, StringComparison.Ordinal);
        Assert.Contains($"{Day(today.AddDays(-15))} (initial meeting)", main, StringComparison.Ordinal);
        Assert.Contains($"Sent {Day(today.AddDays(-18))}", main, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "pre-proceedings after the family meeting");
    }

    private static string Day(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A child referred three months ago to the demo social worker.</summary>
    private async Task<Guid> ReferredChildHeldByTheSocialWorkerAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var (child, _, _) = await DemoCases.ReferToTheSocialWorkerAsync(db, DateOnly.FromDateTime(BrowserHost.Today), 90, people => people.OrderBy(p => p.FamilyName), ct);
        await db.SaveChangesAsync(ct);
        return child;
    }
}
