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

/// <summary>Issue 10: an assessment's analysis typed, a link on the page followed, and the text still there on return (ADR 0010).</summary>
public sealed class DraftJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Analysis = "Dad's drinking at weekends leaves the children unsupervised. Mum is protective and wants help with the evenings.";

    [Fact]
    public async Task AnAssessmentsAnalysis_TypedThenALinkFollowed_IsThereOnReturn()
    {
        var childId = await ReferredChildAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, "socialworker@demo.example", $"/People/{childId}/Assessment");
        await ClickAsync(page, "Start the assessment");
        Assert.Contains("Assessment started", await BannerAsync(page), StringComparison.Ordinal);

        // Typed, then straight off to another page: no pause for the timed save, so leaving the page must send it.
        await page.GetByLabel("Your analysis").FillAsync(Analysis);
        await ClickAsync(page, "Record a date the child was seen", AriaRole.Link);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await WaitForDraftAsync(childId);

        await page.GotoAsync($"/People/{childId}/Assessment/Edit");

        Assert.Equal(Analysis, await page.GetByLabel("Your analysis").InputValueAsync());
        Assert.Contains("You have an unsent draft from", await page.Locator("#draft-restored").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Draft saved at", await page.Locator("#draft-status").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "an assessment restored from its draft");

        // Typing more saves again, and says so where a screen reader hears it.
        await page.GetByLabel("Your analysis").FillAsync(Analysis + " Grandmother helps on Saturdays.");
        await page.Locator("#draft-status").Filter(new() { HasText = "Draft saved at" }).WaitForAsync();

        // Sending the assessment deletes the draft: the next visit starts from the record.
        await ClickAsync(page, "Save");
        Assert.Contains("Assessment saved", await BannerAsync(page), StringComparison.Ordinal);
        await page.GotoAsync($"/People/{childId}/Assessment/Edit");
        Assert.Equal(0, await page.Locator("#draft-restored").CountAsync());
        Assert.Equal(Analysis + " Grandmother helps on Saturdays.", await page.GetByLabel("Your analysis").InputValueAsync());
    }

    /// <summary>
    /// Issue 15: 28 minutes with nothing done brings the warning; "Stay signed in" keeps the session; at 30 minutes the
    /// page signs itself out, having sent what was typed, and it is there after signing in again. The browser's clock is
    /// Playwright's, moved on by the test; the server sees the same requests it would over half an hour.
    /// </summary>
    [Fact]
    public async Task The_idle_warning_keeps_the_session_and_signing_out_for_idleness_keeps_what_was_typed()
    {
        var childId = await ReferredChildAsync();
        var page = await host.NewPageAsync();
        await page.Clock.InstallAsync();
        await SignInAsync(page, "socialworker@demo.example", $"/People/{childId}/Assessment");
        await ClickAsync(page, "Start the assessment");
        await page.GetByLabel("Your analysis").FillAsync(Analysis);
        await page.Clock.FastForwardAsync(3_000);
        await page.Locator("#draft-status").Filter(new() { HasText = "Draft saved at" }).WaitForAsync();

        await page.Clock.FastForwardAsync("28:30");
        var warning = page.GetByRole(AriaRole.Alertdialog, new() { Name = "You are about to be signed out" });
        await warning.WaitForAsync();
        Assert.Contains("we will sign you out in 2 minutes", await warning.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "the idle warning");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await warning.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // Typed (the draft saved as it was typed), and then nothing more: the warning comes and goes unanswered.
        await page.GetByLabel("Your analysis").FillAsync(Analysis + " Last words before the phone rang.");
        await page.Clock.FastForwardAsync(3_000);
        await WaitForDraftAsync(childId, "Last words before the phone rang.");
        await page.Clock.FastForwardAsync("28:30");
        await warning.WaitForAsync();
        await page.Clock.FastForwardAsync("01:40");
        await page.Clock.FastForwardAsync(2_000);
        await page.WaitForURLAsync(url => url.Contains("/Account/SignOut", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("nothing was done for 30 minutes", await page.Locator("#timed-out").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "signed out for idleness");

        await SignInAsync(page, "socialworker@demo.example", $"/People/{childId}/Assessment/Edit");
        Assert.Equal(Analysis + " Last words before the phone rang.", await page.GetByLabel("Your analysis").InputValueAsync());
    }

    /// <summary>The beacon sent as the page was left is asynchronous: wait (briefly) for the server to have it.</summary>
    private async Task WaitForDraftAsync(Guid childId, string? holding = null)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var tries = 0; tries < 50; tries++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if ((await db.FormDrafts.Where(d => d.SubjectId == childId).Select(d => d.Fields).ToListAsync(ct)).Any(f => holding is null || f.Contains(holding, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail("The draft was not saved as the page was left");
    }

    /// <summary>A child nobody holds, referred today, allocated to the demo social worker, ready for an assessment.</summary>
    private async Task<Guid> ReferredChildAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var referred = db.Referrals.Select(r => r.ChildId);
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !held.Contains(p.Id) && !referred.Contains(p.Id))
            .OrderBy(p => p.GivenNames).Select(p => p.Id).FirstAsync(ct);
        var today = DateOnly.FromDateTime(BrowserHost.Today);
        db.Referrals.Add(new Referral(child, null, today, "2A", "N1", team.Id, false, null, WorkingDayCalendar.EnglandAndWales));
        db.Allocations.Add(new Allocation(child, worker, team.Id, AllocationRole.Lead, today, team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return child;
    }
}
