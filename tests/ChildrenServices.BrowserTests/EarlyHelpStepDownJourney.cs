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
/// A social worker asks to step a family down to early help and the manager rejects it with a rationale the
/// worker then reads: a class (a host) of its own, beside the other early help journeys rather than after them.
/// </summary>
public sealed class EarlyHelpStepDownJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task SocialWorkerAsksToStepDown_ManagerRejectsWithRationale_WorkerSeesWhy()
    {
        var (childId, child) = await ChildOpenToSocialCareHeldByGraceAsync(host);

        var grace = await host.NewPageAsync();
        await SignInAsync(grace, "socialworker@demo.example", $"/People/{childId}/Contacts");
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
        await SignInAsync(sam, "manager@demo.example", "/Approvals");
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
}
