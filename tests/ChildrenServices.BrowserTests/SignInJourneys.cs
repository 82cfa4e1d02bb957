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
}
