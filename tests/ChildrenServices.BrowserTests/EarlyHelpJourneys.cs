using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// Early help as a locality manager, a keyworker, a social worker and an assessment team manager use it
/// — including step-up and step-down decisions — in Chromium, with axe-core on every page.
/// </summary>
public sealed class EarlyHelpJourneys(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ManagerAllocatesAKeyworker_WhoRunsTheAssessmentAndThePlan()
    {
        var (given, family) = await NewRequestAsync(host);
        var (_, episodeUrl) = await ManagerAllocatesTomAsync(host, given, family);

        var page = await KeyworkerRunsTheAssessmentAndPlanAsync(host, episodeUrl, given, family);

        Assert.Contains("now 6 out of 10 (+3)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "episode with a reviewed plan");
    }

    /// <summary>The locality manager (Ruth Adeyemi) allocates Tom Ashdown to the family's request; returns her page and the episode's address.</summary>
    internal static async Task<(IPage Manager, string EpisodeUrl)> ManagerAllocatesTomAsync(BrowserHost host, string given, string family)
    {
        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "r.adeyemi@demo.example", "/EarlyHelp");
        await AssertAccessibleAsync(manager, "early help for a manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Allocate a keyworker for {given} {family}" }).ClickAsync();
        await manager.GetByText("Who will be the family's keyworker?").WaitForAsync();
        await AssertAccessibleAsync(manager, "allocate a keyworker");
        await manager.GetByLabel("Tom Ashdown", new() { Exact = false }).CheckAsync();
        await ClickAsync(manager, "Allocate and start");
        Assert.Contains("early help has started", await BannerAsync(manager), StringComparison.Ordinal);
        return (manager, new Uri(manager.Url).AbsolutePath);
    }

    /// <summary>Tom Ashdown records a complete assessment, a goal with an action, and a review; returns his page on the episode.</summary>
    internal static async Task<IPage> KeyworkerRunsTheAssessmentAndPlanAsync(BrowserHost host, string episodeUrl, string given, string family)
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "keyworker@demo.example", episodeUrl);
        Assert.Equal($"{family} family", await HeadingAsync(page));
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
        Assert.Contains("Assessment completed", await BannerAsync(page), StringComparison.Ordinal);

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
        await FillDateAsync(page, "Input_DueOn", BrowserHost.Today.AddDays(14));
        await ClickAsync(page, "Add action");

        await ClickAsync(page, "Record a Team Around the Family review", AriaRole.Link);
        await AssertAccessibleAsync(page, "team around the family review");
        await page.GetByLabel("Who attended?").FillAsync("Mum, school DSL, keyworker");
        await page.Locator("#Input_Progress_0__Score").FillAsync("6");
        await FillDateAsync(page, "Input_NextReviewOn", BrowserHost.Today.AddDays(42));
        await ClickAsync(page, "Save review");
        return page;
    }

    /// <summary>An early help request to the locality for a child with no early help and no open referral yet.</summary>
    internal static async Task<(string Given, string Family)> NewRequestAsync(BrowserHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => t.Id).FirstAsync(TestContext.Current.CancellationToken);
        var busy = db.EarlyHelpRequests.SelectMany(r => r.Children.Select(c => c.ChildId));
        var allocated = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
        var referred = db.Referrals.Where(r => r.Status == ReferralStatus.Open).Select(r => r.ChildId);
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !busy.Contains(p.Id) && !allocated.Contains(p.Id) && !referred.Contains(p.Id))
            .OrderByDescending(p => p.FamilyName).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync(TestContext.Current.CancellationToken);
        db.EarlyHelpRequests.Add(new EarlyHelpRequest(team, null, DateOnly.FromDateTime(BrowserHost.Today), "School asked for help with attendance and mornings.", [child.Id]));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (child.GivenNames, child.FamilyName);
    }

    /// <summary>
    /// A new child the front door referred a month ago, held by Grace Okafor-Lyle in the Assessment Team
    /// (managed by Sam Patel). New, so no sibling open to the team joins the request and changes its name.
    /// </summary>
    internal static async Task<(Guid Id, string Name)> ChildOpenToSocialCareHeldByGraceAsync(BrowserHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var ct = TestContext.Current.CancellationToken;
        var team = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => new { t.Id, t.ManagerId }).FirstAsync(ct);
        var grace = await db.Staff.Where(s => s.Email == "socialworker@demo.example").Select(s => s.Id).SingleAsync(ct);
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        var child = Person.Create(PersonType.Child, "Elodie", "Quenby", new PersonDetails(
            today.AddYears(-7).AddDays(-40), null, null, Sex.Female, "WBRI", ["NONE"], "English", false, null, null, "UN4"));
        var referral = new Referral(child.Id, null, today.AddDays(-30), "2A", "N4", team.Id, false, null, calendar);
        db.People.Add(child);
        db.Referrals.Add(referral);
        db.Allocations.Add(new Allocation(child.Id, grace, team.Id, AllocationRole.Lead, calendar.AddWorkingDays(referral.ReferralDate, 1), team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (child.Id, "Elodie Quenby");
    }
}
