using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>Early help as a locality manager and a keyworker use it, in Chromium, with axe-core on every page.</summary>
public sealed class EarlyHelpJourneys(BrowserHost host)
{
    [Fact]
    public async Task ManagerAllocatesAKeyworker_WhoRunsTheAssessmentAndThePlan()
    {
        var (given, family) = await NewRequestAsync();

        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "r.adeyemi@demo.example");
        await manager.GotoAsync("/EarlyHelp");
        await AssertAccessibleAsync(manager, "early help for a manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Allocate a keyworker for {given} {family}" }).ClickAsync();
        await manager.GetByText("Who will be the family's keyworker?").WaitForAsync();
        await AssertAccessibleAsync(manager, "allocate a keyworker");
        await manager.GetByLabel("Tom Ashdown", new() { Exact = false }).CheckAsync();
        await ClickAsync(manager, "Allocate and start");
        Assert.Contains("early help has started", await manager.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var episodeUrl = new Uri(manager.Url).AbsolutePath;

        var page = await host.NewPageAsync();
        await SignInAsync(page, "keyworker@demo.example");
        await page.GotoAsync(episodeUrl);
        Assert.Equal($"{family} family", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, "episode");

        await ClickAsync(page, "Record the assessment", AriaRole.Link);
        await AssertAccessibleAsync(page, "early help assessment");
        await page.GetByLabel("What are we worried about?").FillAsync("Mum's new shift pattern means mornings are chaotic; attendance has dropped.");
        await page.GetByLabel("What is working well?").FillAsync("Warm relationships; nan helps after school.");
        await page.GetByLabel("What needs to happen?").FillAsync("A morning routine that works and attendance back above 95%.");
        await page.Locator("#Input_Scaling").FillAsync("4");
        await page.GetByLabel($"What {given} {family} says, shows or wants").FillAsync("I like school when I've had breakfast.");
        await page.GetByLabel("The assessment is complete").CheckAsync();
        await ClickAsync(page, "Save assessment");
        Assert.Contains("Assessment completed", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        await ClickAsync(page, "Add a goal", AriaRole.Link);
        await AssertAccessibleAsync(page, "add a goal");
        await page.GetByLabel("Getting a good education").CheckAsync();
        await page.GetByLabel("What does the family want to achieve?").FillAsync("At school every day and on time");
        await page.GetByLabel("Where are things now, from 0 to 10?").FillAsync("3");
        await ClickAsync(page, "Add goal");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action to At school every day and on time" }).ClickAsync();
        await page.GetByLabel("What will be done?").WaitForAsync();
        await AssertAccessibleAsync(page, "add an action");
        await page.GetByLabel("What will be done?").FillAsync("Breakfast club place");
        await page.GetByLabel("Who will do it?").FillAsync("School");
        var due = DateTime.Today.AddDays(14);
        await page.Locator("#Input_DueOn").FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_DueOn_Month").FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_DueOn_Year").FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ClickAsync(page, "Add action");

        await ClickAsync(page, "Record a Team Around the Family review", AriaRole.Link);
        await AssertAccessibleAsync(page, "team around the family review");
        await page.GetByLabel("Who attended?").FillAsync("Mum, school DSL, keyworker");
        await page.Locator("#Input_Progress_0__Score").FillAsync("6");
        var next = DateTime.Today.AddDays(42);
        await page.Locator("#Input_NextReviewOn").FillAsync(next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_NextReviewOn_Month").FillAsync(next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_NextReviewOn_Year").FillAsync(next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ClickAsync(page, "Save review");

        Assert.Contains("now 6 out of 10 (+3)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "episode with a reviewed plan");
    }

    /// <summary>An early help request to the locality for a child with no early help yet.</summary>
    private async Task<(string Given, string Family)> NewRequestAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => t.Id).FirstAsync(TestContext.Current.CancellationToken);
        var busy = db.EarlyHelpRequests.SelectMany(r => r.Children.Select(c => c.ChildId));
        var allocated = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !busy.Contains(p.Id) && !allocated.Contains(p.Id))
            .OrderByDescending(p => p.FamilyName).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync(TestContext.Current.CancellationToken);
        db.EarlyHelpRequests.Add(new EarlyHelpRequest(team, null, DateOnly.FromDateTime(DateTime.Today), "School asked for help with attendance and mornings.", [child.Id]));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (child.GivenNames, child.FamilyName);
    }
}
