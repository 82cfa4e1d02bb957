using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ChildrenServices.Tests.Shared;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>The app with single sign-on to <see cref="OidcTestServer"/>, its groups mapped to roles, and authenticators required of local accounts.</summary>
public sealed class SingleSignOnAppFactory : AppFactory
{
    public OidcTestServer Provider { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Provider.StartAsync(new Uri(BaseAddress, "/signin-oidc").ToString());
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:RequireMfa", "true");
        builder.UseSetting("SingleSignOn:Authority", Provider.Issuer.ToString());
        builder.UseSetting("SingleSignOn:ClientId", OidcTestServer.ClientId);
        builder.UseSetting("SingleSignOn:ClientSecret", OidcTestServer.ClientSecret);
        builder.UseSetting("SingleSignOn:DisplayName", "Test Council");
        builder.UseSetting("SingleSignOn:RequireHttpsMetadata", "false");
        builder.UseSetting("SingleSignOn:RoleMappings:csc-social-workers", Roles.SocialWorker);
        builder.UseSetting("SingleSignOn:RoleMappings:csc-managers", Roles.TeamManager);
    }
}

/// <summary>Issue 15: single sign-on with the council's identity provider, through a real OpenID Connect server the test starts.</summary>
public sealed class SingleSignOnTests(SingleSignOnAppFactory factory) : IntegrationTest(factory), IClassFixture<SingleSignOnAppFactory>
{
    private OidcTestServer Provider => ((SingleSignOnAppFactory)Factory).Provider;

    /// <summary>As a browser: the button, the provider (which signs the person in), back to the service, to the end.</summary>
    private async Task<(HttpClient Client, HttpResponseMessage Last)> SignInThroughProviderAsync(HttpClient? atProvider = null)
    {
        // The OpenID Connect handler dates its nonce and correlation cookies by the app's clock, and the client's cookie
        // container expires them by the real one: the app's (test) clock is brought up to real time first.
        if (DateTimeOffset.UtcNow - Factory.Clock.GetUtcNow() is { Ticks: > 0 } behind)
        {
            Factory.Clock.Advance(behind);
        }

        var client = AnonymousClient();
        using var ownBrowserAtProvider = atProvider is null ? ProviderBrowser() : null;
        var response = await FollowAsync(client, atProvider ?? ownBrowserAtProvider!, await PressAsync(client, "/Account/SignIn", "Sign in with Test Council"));
        return (client, response);
    }

    /// <summary>The same browser's cookies at the provider (its own session there).</summary>
    private static HttpClient ProviderBrowser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

    /// <summary>Follows redirects as the browser would, between the service and the provider, to the page it ends on.</summary>
    private async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpClient atProvider, HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            var location = response.Headers.Location!;
            var absolute = location.IsAbsoluteUri ? location : new Uri(AppFactory.BaseAddress, location);
            response = absolute.Host == Provider.Issuer.Host && absolute.Port == Provider.Issuer.Port
                ? await atProvider.GetAsync(absolute, TestContext.Current.CancellationToken)
                : await client.GetAsync(absolute.PathAndQuery, TestContext.Current.CancellationToken);
        }

        return response;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider_then_comes_back()
    {
        Provider.NextUser = ("entra-oid-5", "l.moss@council.example", "Lena Moss", ["csc-social-workers"]);
        using var atProvider = ProviderBrowser();
        var (client, _) = await SignInThroughProviderAsync(atProvider);
        var account = await WithDbAsync(db => db.Staff.Where(s => s.Email == "l.moss@council.example").Select(s => s.Id).SingleAsync());
        var ended = Provider.EndedSessions;

        var last = await FollowAsync(client, atProvider, await PressAsync(client, "/MyWork", "Sign out"));

        Assert.Equal(ended + 1, Provider.EndedSessions);
        Assert.Equal(OidcTestServer.ClientId, Provider.LastEndSessionClientId);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("/Account/SignOut", last.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You have signed out", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.UserId == account && s.EndedAtUtc == null)));
    }

    [Fact]
    public async Task A_colleague_signs_in_through_the_council_provider_with_the_role_their_group_gives()
    {
        Provider.NextUser = ("entra-oid-1", "r.okafor@council.example", "Rosa Okafor", ["csc-social-workers", "an-unmapped-group"]);

        var (client, last) = await SignInThroughProviderAsync();

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        var account = await WithDbAsync(db => db.Staff.Where(s => s.Email == "r.okafor@council.example").Select(s => new { s.Id, s.DisplayName }).SingleAsync());
        Assert.Equal("Rosa Okafor", account.DisplayName);
        Assert.Equal([Roles.SocialWorker], await WithDbAsync(db => db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
        Assert.True(await WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.UserId == account.Id && s.EndedAtUtc == null)));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("authn_login_success_sso", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_directory_decides_the_roles_at_each_sign_in_and_a_local_account_is_linked_by_email()
    {
        var local = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(local);
        Provider.NextUser = ("entra-oid-2", email, "Sam Worker", ["csc-managers"]);

        var (client, _) = await SignInThroughProviderAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal([Roles.TeamManager], await WithDbAsync(db => db.UserRoles.Where(r => r.UserId == local).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
        Assert.True(await WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == local && l.LoginProvider == "oidc" && l.ProviderKey == "entra-oid-2")));
    }

    [Fact]
    public async Task Someone_in_no_mapped_group_is_refused_with_a_reason()
    {
        Provider.NextUser = ("entra-oid-3", "visitor@council.example", "A Visitor", ["finance"]);

        var (client, last) = await SignInThroughProviderAsync();

        Assert.Equal(HttpStatusCode.Forbidden, last.StatusCode);
        Assert.Contains("has no role in Children", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await WithDbAsync(db => db.Staff.AnyAsync(s => s.Email == "visitor@council.example")));
    }

    [Fact]
    public async Task Local_passwords_stay_for_break_glass_and_still_need_an_authenticator_where_required()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var client = AnonymousClient();

        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(admin)), F("Input.Password", Password)]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Account/Authenticator/SetUp", (await client.GetAsync("/Admin/Users", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_content_security_policy_lets_the_sign_in_form_go_on_to_the_provider_and_nowhere_else()
    {
        var page = await AnonymousClient().GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {Provider.Issuer.GetLeftPart(UriPartial.Authority)};", policy, StringComparison.Ordinal);
    }
}
