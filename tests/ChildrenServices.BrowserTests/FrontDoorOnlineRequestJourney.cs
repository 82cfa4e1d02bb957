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

/// <summary>
/// The public online request through the front door's MASH checks to a referral: a class (a host) of its own so
/// that it runs beside the other front door journeys rather than after them.
/// </summary>
public sealed class FrontDoorOnlineRequestJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task OnlineRequest_GoesThroughMashChecks_ToAReferral()
    {
        // A professional sends the public form, with no sign-in.
        var family = "Quillfeather";
        var page = await host.NewPageAsync();
        await page.GotoAsync("/request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.GetByLabel("I am a professional who works with children or families", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/relationship");
        await page.GetByLabel("School", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/your-details");
        await page.GetByLabel("Your full name", new() { Exact = true }).FillAsync("Dana Whitlow");
        await page.GetByLabel("Your organisation", new() { Exact = true }).FillAsync("Oakfield Primary School");
        await page.GetByLabel("Your job title or role", new() { Exact = true }).FillAsync("Designated safeguarding lead");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync("dana.whitlow@school.example");
        await ContinueToAsync(page, "/request/child");
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Tamsin");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync(family);
        await page.Locator("#Input_DateOfBirth").FillAsync("3");
        await page.Locator("#Input_DateOfBirth_Month").FillAsync("9");
        await page.Locator("#Input_DateOfBirth_Year").FillAsync("2017");
        await ContinueToAsync(page, "/request/children");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/adults");
        await ContinueToAsync(page, "/request/worries");
        await page.GetByLabel("What are you worried about?", new() { Exact = true }).FillAsync("Tamsin has a bruise on her cheek and said her stepdad 'lost it' last night.");
        await ContinueToAsync(page, "/request/consent");
        await page.GetByLabel("Yes, they know and have agreed", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/check-answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/request/confirmation");
        var reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();

        // The front door finds it in the queue and records the child from the requester's description.
        var staff = await host.NewPageAsync();
        await SignInAsync(staff, "frontdoor@demo.example", "/FrontDoor?held=Unassigned");
        await ClickAsync(staff, reference, AriaRole.Link);
        Assert.Contains("Online request", await staff.Locator(".govuk-caption-l").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(staff, "online request contact");
        await staff.GetByRole(AriaRole.Link, new() { Name = $"Find or record Tamsin {family}" }).ClickAsync();
        await staff.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/People", StringComparison.Ordinal));
        await AssertAccessibleAsync(staff, "find the reported child");
        Assert.Contains("0 people found", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ClickAsync(staff, "Record a new child", AriaRole.Link);
        Assert.Equal(family, await staff.GetByLabel("Family name").InputValueAsync());
        await staff.Locator("input[name='Input.Sex'][value='Female']").CheckAsync();
        await ClickAsync(staff, "Save");
        Assert.Contains("added to the contact", await staff.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        // MASH checks: police and health, one answered, then the outcome.
        await ClickAsync(staff, "Request checks from partner agencies", AriaRole.Link);
        await AssertAccessibleAsync(staff, "request checks");
        await staff.GetByLabel("Police", new() { Exact = true }).CheckAsync();
        await staff.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await staff.GetByLabel("What do you need to know?").FillAsync("Any history of violence at the address or involving the stepfather?");
        await ClickAsync(staff, "Request checks");
        Assert.Contains("Police", await staff.Locator("#mash-checks-heading ~ table").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Record response from Police" }).ClickAsync();
        await staff.GetByLabel("What did the agency tell you?").WaitForAsync();
        await AssertAccessibleAsync(staff, "record a check response");
        await staff.GetByLabel("What did the agency tell you?").FillAsync("Two call-outs to the address this year for domestic abuse; stepfather has a caution for assault.");
        await staff.GetByLabel("Red – significant concerns: harm is indicated").CheckAsync();
        await ClickAsync(staff, "Save response");
        await ClickAsync(staff, "Record the MASH outcome", AriaRole.Link);
        await AssertAccessibleAsync(staff, "record the MASH outcome");
        await staff.GetByLabel("Outcome of the MASH checks").FillAsync("Police history and the injury together meet the threshold for a social work assessment.");
        await staff.GetByLabel("Red – significant concerns: harm is indicated").CheckAsync();
        await ClickAsync(staff, "Save outcome");

        // The decision: a referral to the assessment team.
        await ClickAsync(staff, "Make the decision", AriaRole.Link);
        await staff.GetByLabel("Referral to children's social care").CheckAsync();
        await staff.GetByLabel("The child's primary need").SelectOptionAsync("N1");
        await staff.GetByLabel("Team the work goes to (assessment team, or early help locality for early help)").SelectOptionAsync(new SelectOptionValue { Label = "Assessment Team" });
        await staff.GetByLabel("Rationale for the decision").FillAsync("Injury with an account of harm by a parent figure, and police history: assessment needed.");
        await ClickAsync(staff, "Continue");
        await ClickAsync(staff, "Confirm decision");

        Assert.Contains("A referral has gone to Assessment Team", await staff.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(staff, "contact decided as a referral");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contact = await db.Contacts.Include(c => c.MashChecks).Include(c => c.People).AsNoTracking()
            .SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.Equal(2, contact.MashChecks.Count);
        Assert.Equal(RagRating.Red, contact.MashRag);
        var childId = Assert.Single(contact.People).PersonId;
        var referral = await db.Referrals.SingleAsync(r => r.ChildId == childId, TestContext.Current.CancellationToken);
        Assert.Equal("2A", referral.SourceCode);
        Assert.Equal(ReferralStatus.Open, referral.Status);
    }
}
