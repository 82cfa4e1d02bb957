using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// Every role signs in through the real form and lands on its own home page: a class (a host) of its own, beside
/// the other journeys, since seven sign-ins one after another made <see cref="Journeys"/> the longest class.
/// </summary>
public sealed class SignInJourneys(BrowserHost host) : IClassFixture<BrowserHost>
{
    public static TheoryData<string, string, string> RoleHomes => new()
    {
        { "frontdoor@demo.example", "/FrontDoor", "Front door" },
        { "keyworker@demo.example", "/MyWork", "My work" },
        { "socialworker@demo.example", "/MyWork", "My work" },
        { "manager@demo.example", "/Team", "My teams" },
        { "iro@demo.example", "/MyWork", "My work" },
        { "performance@demo.example", "/Performance", "Service overview" },
        { "admin@demo.example", "/Admin/Users", "Administration" },
        { "dpo@demo.example", "/AccessReport", "Access report" },
    };

    [Theory]
    [MemberData(nameof(RoleHomes))]
    public async Task SignIn_EachRole_LandsOnItsOwnHomePage(string email, string home, string heading)
    {
        // Signed out, the service's front page is the sign-in form (checked with axe-core once, in AccessibilityCheck).
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        Assert.StartsWith("/Account/SignIn", new Uri(page.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);

        await SignInThroughFormAsync(page, email);

        Assert.EndsWith(home, new Uri(page.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, $"{email} home page");
    }

    /// <summary>
    /// Issue 15: a colleague sets up an authenticator app from their account page (scanning would be the phone's part;
    /// the test types the key, as the page offers), keeps the recovery codes, and from then on signs in with a code.
    /// </summary>
    [Fact]
    public async Task A_colleague_sets_up_an_authenticator_app_and_then_signs_in_with_its_code()
    {
        const string email = "s.whitaker@demo.example";
        var page = await host.NewPageAsync();
        await SignInAsync(page, email, "/Account");
        await AssertAccessibleAsync(page, "your account");
        await ClickAsync(page, "Manage authenticator app", AriaRole.Link);
        await ClickAsync(page, "Set up an authenticator app", AriaRole.Link);
        Assert.Equal("Set up an authenticator app", await HeadingAsync(page));
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "QR code to scan with your authenticator app" }).IsVisibleAsync());
        await page.GetByText("I cannot scan the QR code").ClickAsync();
        await AssertAccessibleAsync(page, "setting up an authenticator app");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        // A mistyped code is said next to the field.
        await page.GetByLabel("Code from the app").FillAsync("12345");
        await ClickAsync(page, "Confirm");
        Assert.Contains("The code must be 6 digits", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Code from the app").FillAsync(CodeNow(key));
        await ClickAsync(page, "Confirm");
        Assert.Contains("Authenticator app set up", await page.Locator(".govuk-panel__title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await AssertAccessibleAsync(page, "recovery codes shown once");

        // Signing in again now takes the app's code after the password.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await ClickAsync(page, "Sign in");
        await page.WaitForURLAsync(url => url.Contains("/Account/SignInCode", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Enter the code from your authenticator app", await HeadingAsync(page));
        await AssertAccessibleAsync(page, "the authenticator code step of signing in");

        // The app shows a new code every 30 seconds; the one used to set up is spent.
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.GetByLabel("Code").FillAsync(CodeNow(key));
        await ClickAsync(page, "Continue");

        Assert.Equal("My work", await HeadingAsync(page));
    }

    private string CodeNow(string key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(host.Clock.GetUtcNow().UtcDateTime);
}
