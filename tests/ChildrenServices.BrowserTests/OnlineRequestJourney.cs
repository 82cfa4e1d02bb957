using System.Text.RegularExpressions;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>The public "Request support for a child" form, end to end in Chromium with no sign-in.</summary>
public sealed partial class OnlineRequestJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Professional_FillsInTheFormWithAMistake_SendsItAndGetsAReference()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/request");
        Assert.Equal("Request support for a child", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("call 999", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "start page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/request/who");

        await AssertAccessibleAsync(page, "who are you");
        await page.GetByLabel("I am a professional who works with children or families", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/relationship");

        await AssertAccessibleAsync(page, "type of organisation");
        await page.GetByLabel("School", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/your-details");

        await AssertAccessibleAsync(page, "your details");
        await page.GetByLabel("Your organisation", new() { Exact = true }).FillAsync("Oakfield Primary School");
        await ContinueWithErrorsAsync(page);
        Assert.Contains("Enter your name", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Oakfield Primary School", await page.GetByLabel("Your organisation", new() { Exact = true }).InputValueAsync());
        await AssertAccessibleAsync(page, "your details with errors");
        await page.GetByLabel("Your full name", new() { Exact = true }).FillAsync("Dana Whitlow");
        await page.GetByLabel("Your job title or role", new() { Exact = true }).FillAsync("Designated safeguarding lead");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync("dana.whitlow@school.example");
        await ContinueToAsync(page, "/request/child");

        await AssertAccessibleAsync(page, "about the child");
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Riley");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Brannock");
        await page.Locator("#Input_DateOfBirth").FillAsync("14");
        await page.Locator("#Input_DateOfBirth_Month").FillAsync("5");
        await page.Locator("#Input_DateOfBirth_Year").FillAsync("2018");
        await ContinueToAsync(page, "/request/children");

        Assert.Equal("You have told us about 1 child", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, "children list");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/adults");

        await AssertAccessibleAsync(page, "adults around the child");
        await ContinueToAsync(page, "/request/worries");

        await AssertAccessibleAsync(page, "what is happening");
        await page.GetByLabel("What are you worried about?", new() { Exact = true }).FillAsync("Riley has come to school hungry on three days this week.");
        await ContinueToAsync(page, "/request/consent");

        await AssertAccessibleAsync(page, "consent");
        await page.GetByLabel("Yes, they know and have agreed", new() { Exact = true }).CheckAsync();
        await ContinueToAsync(page, "/request/check-answers");

        Assert.Equal("Check your answers before sending your request", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Riley Brannock", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "check your answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/request/confirmation");

        Assert.EndsWith("/request/confirmation", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();
        Assert.Matches(ReferencePattern(), reference);
        await AssertAccessibleAsync(page, "confirmation");

        await using var scope = host.Services.CreateAsyncScope();
        var contact = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contacts.Include(c => c.ReportedChildren)
            .SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(ContactRoute.OnlineRequest, contact.Route);
        Assert.Equal("Riley", Assert.Single(contact.ReportedChildren).GivenName);
    }

    /// <summary>Continue with a mistake: the same page comes back with the error summary.</summary>
    private static async Task ContinueWithErrorsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
    }

    [GeneratedRegex("^FD-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")]
    private static partial Regex ReferencePattern();
}
