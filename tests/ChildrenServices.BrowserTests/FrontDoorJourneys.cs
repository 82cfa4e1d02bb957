using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>The front door as practitioners use it, in Chromium, with axe-core on every page visited.</summary>
public sealed class FrontDoorJourneys(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task CadsConsultation_EndsAsAdviceOnly_AndTheCallerKeepsResponsibility()
    {
        var (childId, given, family) = await ChildWithoutOpenContactAsync("A");
        var page = await host.NewPageAsync();
        await SignInAsync(page, "frontdoor@demo.example");
        await AssertAccessibleAsync(page, "front door queue");

        await ClickAsync(page, "Record a contact", AriaRole.Link);
        await AssertAccessibleAsync(page, "record a contact");
        await page.GetByLabel("Referrer's name").FillAsync("Mrs Beckwith");
        await page.GetByLabel("Agency or organisation (optional)").FillAsync("Kiln Street Primary School");
        await page.GetByLabel("Referral source (DfE code)").SelectOptionAsync("2A");
        await page.GetByLabel("The concerns, in the referrer's words").FillAsync($"{given} has been tired and withdrawn in class for two weeks.");
        await page.GetByLabel("Given", new() { Exact = true }).CheckAsync();
        await ClickAsync(page, "Save and continue");
        Assert.Contains("Contact recorded", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "contact page");

        await ClickAsync(page, "Add a child or adult", AriaRole.Link);
        await page.GetByLabel("Search by name").FillAsync($"{given} {family}");
        await ClickAsync(page, "Search");
        await AssertAccessibleAsync(page, "find a child for the contact");
        await page.Locator($"form:has(input[name='Input.PersonId'][value='{childId}']) button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains($"{given} {family}", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await ClickAsync(page, "Record the consultation", AriaRole.Link);
        await AssertAccessibleAsync(page, "record the consultation");
        await page.GetByLabel("What was discussed").FillAsync("Talked through the change in presentation; mum has told school she has started night shifts.");
        await page.GetByLabel("Advice given").FillAsync("School to talk with mum about breakfast club and after-school club; call back if anything changes.");
        await page.GetByLabel("The caller and their agency").CheckAsync();
        await page.GetByLabel("Action 1: what will be done").FillAsync("Meet mum at pick-up");
        await page.GetByLabel("Action 1: who owns it").FillAsync("DSL");
        await ClickAsync(page, "Save consultation");
        Assert.Contains("Consultation recorded", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        await ClickAsync(page, "Make the decision", AriaRole.Link);
        await AssertAccessibleAsync(page, "make the decision");
        await page.GetByLabel("Advice only — the caller keeps responsibility").CheckAsync();
        await page.GetByLabel("Rationale for the decision").FillAsync("School is best placed and has a plan; no role for children's services.");
        await ClickAsync(page, "Continue");
        Assert.Equal("Check your decision", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, "check your decision");
        await ClickAsync(page, "Confirm decision");

        Assert.Contains("Decision recorded: Advice only", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("In force", await page.Locator("#decision ~ ol").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "decided contact");
        var contact = await ContactForAsync(childId);
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.Equal(ContactOutcome.AdviceOnly, contact.Decisions.Single().Outcome);
        Assert.Equal(BestPlaced.Caller, contact.Consultation!.BestPlaced);
    }

    [Fact]
    public async Task ContactForAChildReferredRecently_IsFlagged_AndTheReferralIsRecordedAsAReReferral()
    {
        var (childId, given, family) = await ChildWithoutOpenContactAsync("M");
        var previous = await AddReferralAsync(childId, DateOnly.FromDateTime(BrowserHost.Today).AddDays(-120));
        var page = await host.NewPageAsync();
        await SignInAsync(page, "frontdoor@demo.example", $"/FrontDoor/Contacts/New?childId={childId}");
        await AssertAccessibleAsync(page, "record a contact about a known child");
        await page.GetByLabel("Police notification").CheckAsync();
        await page.GetByLabel("Referrer's name").FillAsync("PC 2210 Lazenby");
        await page.GetByLabel("Referral source (DfE code)").SelectOptionAsync("6");
        await page.GetByLabel("The concerns, in the referrer's words").FillAsync("Second domestic incident this month; children present.");
        await page.GetByLabel("Overridden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("If consent is overridden, why (for example, asking would put the child at risk)").FillAsync("Asking the alleged perpetrator would increase the risk.");
        await ClickAsync(page, "Save and continue");

        var warnings = await page.Locator(".govuk-warning-text").AllInnerTextsAsync();
        Assert.Contains(warnings, w => w.Contains("Re-referral", StringComparison.Ordinal) && w.Contains($"{given} {family}", StringComparison.Ordinal));
        await AssertAccessibleAsync(page, "contact with a re-referral warning");

        await ClickAsync(page, "Make the decision", AriaRole.Link);
        await page.GetByLabel("Referral to children's social care").CheckAsync();
        await page.GetByLabel("The child's primary need").SelectOptionAsync("N1");
        await page.GetByLabel("Team the work goes to (assessment team, or early help locality for early help)").SelectOptionAsync(new SelectOptionValue { Label = "Assessment Team" });
        await page.GetByLabel("Rationale for the decision").FillAsync("Repeat incidents within four months of the last referral; assessment needed.");
        await ClickAsync(page, "Continue");
        await AssertAccessibleAsync(page, "check a referral decision");
        await ClickAsync(page, "Confirm decision");

        Assert.Contains("re-referral", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var referral = await db.Referrals.Where(r => r.ChildId == childId && r.Id != previous).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(referral.IsReReferral);
        Assert.Equal(previous, referral.PreviousReferralId);
    }

    /// <summary>A child with no contact waiting, from a stable slice of the alphabet so journeys don't share children.</summary>
    private async Task<(Guid Id, string Given, string Family)> ChildWithoutOpenContactAsync(string familyInitial)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var busy = db.Contacts.Where(c => c.Status != ContactStatus.Decided).SelectMany(c => c.People.Select(p => p.PersonId));
        var referred = db.Referrals.Select(r => r.ChildId);
        var child = await db.People
            .Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !busy.Contains(p.Id) && !referred.Contains(p.Id))
            .OrderBy(p => p.FamilyName.StartsWith(familyInitial) ? 0 : 1).ThenBy(p => p.FamilyName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync();
        return (child.Id, child.GivenNames, child.FamilyName);
    }

    private async Task<Guid> AddReferralAsync(Guid childId, DateOnly on)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => t.Id).FirstAsync();
        var referral = new Referral(childId, null, on, "2A", "N4", team, false, null, WorkingDayCalendar.EnglandAndWales);
        referral.Close(on.AddDays(30), "RC8"); // a re-referral follows a closed episode; an open one is joined (CIN rule 8815)
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    }

    private async Task<Contact> ContactForAsync(Guid childId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Contacts.Include(c => c.Decisions).AsNoTracking()
            .Where(c => c.People.Any(p => p.PersonId == childId)).OrderByDescending(c => c.ReceivedAtUtc).FirstAsync();
    }
}
