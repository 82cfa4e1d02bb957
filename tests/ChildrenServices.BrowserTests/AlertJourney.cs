using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// The front door decided a child needs a strategy discussion now: the manager of the receiving team opens
/// the red alert on their home page, reads the contact, goes to the child and records the strategy
/// discussion, in Chromium, with axe-core on every page visited.
/// </summary>
public sealed class AlertJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Manager_OpensTheUrgentStrategyDiscussionAlert_AndRecordsTheDiscussion()
    {
        var (contactId, reference, childId) = await ImmediateReferralAsync();
        var today = BrowserHost.Today;

        var page = await host.NewPageAsync();
        await SignInAsync(page, "manager@demo.example", "/Team");
        var alerts = page.Locator("[aria-labelledby='alerts-title']");
        var alert = alerts.GetByRole(AriaRole.Button, new() { Name = $"Strategy discussion needed now: contact {reference}" });
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "my teams with the urgent alert");

        await alert.ClickAsync();
        await page.WaitForURLAsync($"**/FrontDoor/Contacts/{contactId}");
        Assert.Contains(reference, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "the contact the alert points to");

        // Opened alerts are read: it no longer waits on the home page.
        await page.GotoAsync("/Team");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Strategy discussion needed now: contact {reference}" }).CountAsync());

        await page.GotoAsync($"/FrontDoor/Contacts/{contactId}");
        await page.Locator($"main a[href='/People/{childId}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/People/{childId}");
        await page.GotoAsync($"/People/{childId}/ChildProtection");
        await ClickAsync(page, "Record a strategy discussion", AriaRole.Link);
        await AssertAccessibleAsync(page, "strategy discussion form");
        await FillDateAsync(page, "Input_HeldOn", today);
        await page.GetByLabel("Agencies that took part").FillAsync("Police, health, school, children's social care");
        await page.GetByLabel("Start a section 47 enquiry").CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("Disclosure to a teacher of being hit with a belt; marks seen by the school nurse.");
        await ClickAsync(page, "Record the strategy discussion");
        Assert.Contains("Strategy discussion recorded", await BannerAsync(page), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "the enquiry under way");
        await page.Context.CloseAsync();
    }

    private async Task<(Guid ContactId, string Reference, Guid ChildId)> ImmediateReferralAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var referral = await db.Referrals
            .Where(r => r.ImmediateStrategyDiscussion && r.Status == ReferralStatus.Open && r.ContactId != null)
            .Select(r => new { r.ContactId, r.ChildId })
            .FirstAsync();
        var reference = await db.Contacts.Where(c => c.Id == referral.ContactId).Select(c => c.Reference).SingleAsync();
        return (referral.ContactId!.Value, reference, referral.ChildId);
    }
}
