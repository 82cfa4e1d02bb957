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
        var (given, family) = await NewRequestAsync();
        var (_, episodeUrl) = await ManagerAllocatesTomAsync(given, family);

        var page = await KeyworkerRunsTheAssessmentAndPlanAsync(episodeUrl, given, family);

        Assert.Contains("now 6 out of 10 (+3)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "episode with a reviewed plan");
    }

    [Fact]
    public async Task KeyworkerAsksToStepUp_ManagerApproves_FamilyWaitsForTheAssessmentTeamWithTheKeyworkerStillAttached()
    {
        var (given, family) = await NewRequestAsync();
        var child = $"{given} {family}";
        var (ruth, episodeUrl) = await ManagerAllocatesTomAsync(given, family);
        var tom = await KeyworkerRunsTheAssessmentAndPlanAsync(episodeUrl, given, family);

        await ClickAsync(tom, "Ask to step up to children's social care", AriaRole.Link);
        await AssertAccessibleAsync(tom, "ask to step up");
        const string reasons = "Attendance is down to 68% despite the breakfast club, and school found bruising on the upper arm that mum could not explain.";
        await tom.GetByLabel("Urgent: risk is rising and the family needs a decision today").CheckAsync();
        await tom.GetByLabel("Why does the family need a social work assessment now?").FillAsync(reasons);
        await ClickAsync(tom, "Send to my manager");
        Assert.Equal(episodeUrl, new Uri(tom.Url).AbsolutePath);
        Assert.Contains("Step-up request sent to the team manager for a decision", await BannerAsync(tom), StringComparison.Ordinal);
        await AssertAccessibleAsync(tom, "episode after asking to step up");

        // Ruth Adeyemi manages Early Help North, so the request is hers; the seed has other step-ups in her queue.
        await ruth.GotoAsync("/Approvals");
        await AssertAccessibleAsync(ruth, "approvals with a step-up waiting");

        // Urgent, so it leads the queue ahead of the seed's older requests, naming the family.
        var first = await ruth.Locator("main tbody tr").First.InnerTextAsync();
        Assert.Contains("Urgent", first, StringComparison.Ordinal);
        Assert.Contains($"the {family} family", first, StringComparison.Ordinal);
        await ClickAsync(ruth, $"Step-up for {child}", AriaRole.Link);
        Assert.Equal($"Step-up for {child}", await HeadingAsync(ruth));
        Assert.Equal(episodeUrl, await ruth.GetByRole(AriaRole.Link, new() { Name = "Read the family's early help" }).GetAttributeAsync("href"));
        var asked = await ruth.Locator("main").InnerTextAsync();
        Assert.Contains(reasons, asked, StringComparison.Ordinal);
        Assert.Contains("Tom Ashdown", asked, StringComparison.Ordinal);
        await AssertAccessibleAsync(ruth, "decide a step-up");

        const string rationale = "Unexplained bruising and falling attendance after six weeks of the plan: threshold for a social work assessment is met.";
        await ruth.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await ruth.GetByLabel("Rationale").FillAsync(rationale);
        await ruth.GetByLabel("Assessment team the referral goes to").SelectOptionAsync(new SelectOptionValue { Label = "Assessment Team" });
        await ruth.GetByLabel("The child's primary need").SelectOptionAsync("N4");
        await ClickAsync(ruth, "Continue");
        Assert.Equal("Check your decision", await HeadingAsync(ruth));
        var check = await ruth.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains(rationale, check, StringComparison.Ordinal);
        Assert.Contains("Assessment Team", check, StringComparison.Ordinal);
        Assert.Contains("Family in acute stress", check, StringComparison.Ordinal);
        await AssertAccessibleAsync(ruth, "check your decision on a step-up");

        // Going back keeps every answer; nothing is decided until "Confirm decision".
        await ClickAsync(ruth, "Change your answers");
        Assert.Equal($"Step-up for {child}", await HeadingAsync(ruth));
        Assert.Equal(rationale, await ruth.GetByLabel("Rationale").InputValueAsync());
        Assert.True(await ruth.GetByLabel("Approve", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal("Assessment Team", (await ruth.Locator("#Input_AssessmentTeamId option:checked").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(ruth, "decision form after changing answers");
        await ClickAsync(ruth, "Continue");
        await ClickAsync(ruth, "Confirm decision");

        Assert.Equal("/Approvals", new Uri(ruth.Url).AbsolutePath);
        Assert.Contains("Step-up approved: the family has been referred to Assessment Team, and the keyworker stays as co-worker.", await BannerAsync(ruth), StringComparison.Ordinal);
        Assert.Equal(0, await ruth.GetByRole(AriaRole.Link, new() { Name = $"Step-up for {child}", Exact = true }).CountAsync());
        await AssertAccessibleAsync(ruth, "approvals after approving a step-up");

        // Sam Patel manages the Assessment Team: the child waits for a social worker, with Tom still attached.
        var sam = await host.NewPageAsync();
        await SignInAsync(sam, "manager@demo.example");
        Assert.Equal("/Team", new Uri(sam.Url).AbsolutePath);
        await AssertAccessibleAsync(sam, "team page with a stepped-up family");
        var row = sam.Locator("h2:has-text('Referrals waiting for allocation') + table tbody tr", new() { HasText = child });
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Contains("Assessment Team", cells[0], StringComparison.Ordinal);
        Assert.Equal("Tom Ashdown", cells[3].Trim());
    }

    [Fact]
    public async Task SocialWorkerAsksToStepDown_ManagerRejectsWithRationale_WorkerSeesWhy()
    {
        var (childId, child) = await ChildOpenToSocialCareHeldByGraceAsync();

        var grace = await host.NewPageAsync();
        await SignInAsync(grace, "socialworker@demo.example");
        await grace.GotoAsync($"/People/{childId}/Contacts");
        await AssertAccessibleAsync(grace, "contacts and referrals of a child open to social care");
        await ClickAsync(grace, "Ask to step down to a keyworker", AriaRole.Link);
        await AssertAccessibleAsync(grace, "ask to step down");
        const string reasons = "Assessment complete: mum has engaged with the parenting course and the home is calmer. Remaining needs are routines and school mornings.";
        await grace.GetByLabel("At the end of the assessment", new() { Exact = false }).CheckAsync();
        await grace.GetByLabel("Why can the family's needs now be met with a keyworker's support?").FillAsync(reasons);
        await ClickAsync(grace, "Send to my manager");
        Assert.Equal($"/People/{childId}/Contacts", new Uri(grace.Url).AbsolutePath);
        Assert.Contains("Step-down request sent to the team manager for a decision", await BannerAsync(grace), StringComparison.Ordinal);
        Assert.Equal(1, await grace.Locator(".govuk-summary-card", new() { HasText = "Step-down: Pending" }).CountAsync());
        await AssertAccessibleAsync(grace, "contacts and referrals with a step-down waiting");

        // Sam Patel manages the Assessment Team; the seed has another step-down of Grace's in his queue.
        var sam = await host.NewPageAsync();
        await SignInAsync(sam, "manager@demo.example");
        await sam.GotoAsync("/Approvals");
        await AssertAccessibleAsync(sam, "approvals with a step-down waiting");
        await ClickAsync(sam, $"Step-down for {child}", AriaRole.Link);
        Assert.Equal($"Step-down for {child}", await HeadingAsync(sam));
        Assert.Contains(reasons, await sam.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(sam, "decide a step-down");

        const string rationale = "Not yet: dad's return home has not been assessed. Complete that, then ask again with the outcome.";
        await sam.GetByLabel("Reject", new() { Exact = true }).CheckAsync();
        await sam.GetByLabel("Rationale").FillAsync(rationale);
        await ClickAsync(sam, "Continue");
        Assert.Equal("Check your decision", await HeadingAsync(sam));
        var check = await sam.Locator("main").InnerTextAsync();
        Assert.Contains(rationale, check, StringComparison.Ordinal);
        Assert.Contains("Grace Okafor-Lyle is told the request was rejected", check, StringComparison.Ordinal);
        await AssertAccessibleAsync(sam, "check your decision on a step-down");
        await ClickAsync(sam, "Confirm decision");
        Assert.Contains("Request rejected; the worker can see your rationale.", await BannerAsync(sam), StringComparison.Ordinal);
        Assert.Equal(0, await sam.GetByRole(AriaRole.Link, new() { Name = $"Step-down for {child}", Exact = true }).CountAsync());
        await AssertAccessibleAsync(sam, "approvals after rejecting a step-down");

        // The worker reads the decision, who made it and why: on her worktray and on the child's record.
        await grace.GotoAsync("/MyWork");
        await AssertAccessibleAsync(grace, "my work with a rejected step-down");
        var mine = grace.Locator("h2:has-text('Approvals I asked for') + ul > li", new() { HasText = $"Step-down for {child}" });
        Assert.Equal(1, await mine.CountAsync());
        var item = await mine.InnerTextAsync();
        Assert.Contains("Rejected by Sam Patel", item, StringComparison.Ordinal);
        Assert.Contains(rationale, item, StringComparison.Ordinal);

        await grace.GotoAsync($"/People/{childId}/Contacts");
        await AssertAccessibleAsync(grace, "contacts and referrals with a rejected step-down");
        var card = await grace.Locator(".govuk-summary-card", new() { HasText = "Step-down: Rejected" }).InnerTextAsync();
        Assert.Contains("Sam Patel", card, StringComparison.Ordinal);
        Assert.Contains(rationale, card, StringComparison.Ordinal);
        Assert.Contains(reasons, card, StringComparison.Ordinal);
        Assert.Contains("Open; assessment due", await grace.Locator("table", new() { Has = grace.Locator("caption", new() { HasText = "Referrals" }) }).InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The locality manager (Ruth Adeyemi) allocates Tom Ashdown to the family's request; returns her page and the episode's address.</summary>
    private async Task<(IPage Manager, string EpisodeUrl)> ManagerAllocatesTomAsync(string given, string family)
    {
        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "r.adeyemi@demo.example");
        await manager.GotoAsync("/EarlyHelp");
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
    private async Task<IPage> KeyworkerRunsTheAssessmentAndPlanAsync(string episodeUrl, string given, string family)
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "keyworker@demo.example");
        await page.GotoAsync(episodeUrl);
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
    private async Task<(string Given, string Family)> NewRequestAsync()
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
    private async Task<(Guid Id, string Name)> ChildOpenToSocialCareHeldByGraceAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var ct = TestContext.Current.CancellationToken;
        var team = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => new { t.Id, t.ManagerId }).FirstAsync(ct);
        var grace = await db.Staff.Where(s => s.Email == "socialworker@demo.example").Select(s => s.Id).SingleAsync(ct);
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        var child = Person.Create(PersonType.Child, "Elodie", "Quenby", new PersonDetails(
            today.AddYears(-7).AddDays(-40), null, null, Sex.Female, "2", "WBRI", ["NONE"], "English", false, null, null, "UN4"));
        var referral = new Referral(child.Id, null, today.AddDays(-30), "2A", "N4", team.Id, false, null, calendar);
        db.People.Add(child);
        db.Referrals.Add(referral);
        db.Allocations.Add(new Allocation(child.Id, grace, team.Id, AllocationRole.Lead, calendar.AddWorkingDays(referral.ReferralDate, 1), team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (child.Id, "Elodie Quenby");
    }
}
