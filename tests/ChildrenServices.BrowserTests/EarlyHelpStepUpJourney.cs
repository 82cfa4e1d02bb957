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
using static ChildrenServices.BrowserTests.EarlyHelpJourneys;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// A keyworker asks to step a family up to children's social care and the locality manager approves it: a class
/// (a host) of its own, beside the other early help journeys rather than after them.
/// </summary>
public sealed class EarlyHelpStepUpJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task KeyworkerAsksToStepUp_ManagerApproves_FamilyWaitsForTheAssessmentTeamWithTheKeyworkerStillAttached()
    {
        var (given, family) = await NewRequestAsync(host);
        var child = $"{given} {family}";
        var (ruth, episodeUrl) = await ManagerAllocatesTomAsync(host, given, family);
        var tom = await KeyworkerRunsTheAssessmentAndPlanAsync(host, episodeUrl, given, family);

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
}
