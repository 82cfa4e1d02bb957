using ChildrenServices.Application.Security;
using ChildrenServices.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>A journeys host with single sign-on to a real OpenID Connect provider (<see cref="OidcTestServer"/>) the test starts.</summary>
public sealed class SingleSignOnHost : BrowserHost
{
    public OidcTestServer Provider { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        // The OpenID Connect handler dates its nonce and correlation cookies by the host's clock and the browser expires
        // them by the real one: this host's clock runs at real time (the journey only signs in).
        Clock.Advance(DateTimeOffset.UtcNow - Clock.GetUtcNow());
        await Provider.StartAsync();
        await base.InitializeAsync();

        // The service's own address is known once it has started: the provider learns where to send people back to.
        await Provider.RegisterClientAsync(BaseAddress + "/signin-oidc");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("SingleSignOn:Authority", Provider.Issuer.ToString());
        builder.UseSetting("SingleSignOn:ClientId", OidcTestServer.ClientId);
        builder.UseSetting("SingleSignOn:ClientSecret", OidcTestServer.ClientSecret);
        builder.UseSetting("SingleSignOn:DisplayName", "Test Council");
        builder.UseSetting("SingleSignOn:RequireHttpsMetadata", "false");
        builder.UseSetting("SingleSignOn:RoleMappings:csc-social-workers", Roles.SocialWorker);
    }
}

/// <summary>
/// Issue 15: a colleague signs in with the council's account. The button goes to the provider, which (having signed them
/// in itself) sends them back; they land on their own work, with the role their directory group gives.
/// </summary>
public sealed class SingleSignOnJourney(SingleSignOnHost host) : IClassFixture<SingleSignOnHost>
{
    [Fact]
    public async Task A_colleague_signs_in_with_their_council_account_and_lands_on_their_work()
    {
        host.Provider.NextUser = ("entra-oid-journey", "t.ferrand@council.example", "Tobias Ferrand", ["csc-social-workers"]);
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await AssertAccessibleAsync(page, "sign in with single sign-on offered");

        await ClickAsync(page, "Sign in with Test Council");
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/MyWork", new() { Timeout = 20_000 });
        }
        catch (TimeoutException e)
        {
            // The content security policy's form-action once stopped the post's redirect to the provider here, silently.
            throw new TimeoutException($"Still on {page.Url}: {await page.Locator("main").InnerTextAsync()}", e);
        }

        Assert.Equal("My work", await HeadingAsync(page));
        Assert.Contains("Signed in as Tobias Ferrand", await page.Locator(".app-header__name").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/Account");
        Assert.Contains("Chrome", await page.Locator("#sessions").InnerTextAsync(), StringComparison.Ordinal);
    }
}
