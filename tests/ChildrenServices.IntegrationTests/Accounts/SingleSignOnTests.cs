using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ChildrenServices.Tests.Shared;
using Microsoft.IdentityModel.Tokens;
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

    /// <summary>The provider posts a logout token to the back-channel logout address, server to server, with no cookie.</summary>
    private async Task<HttpResponseMessage> PostLogoutTokenAsync(string? token)
    {
        using var provider = AnonymousClient();
        using var form = new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("logout_token", token)]);
        return await provider.PostAsync("/signout-oidc-backchannel", form, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs the same colleague in twice, in two browsers, each a session of its own at the provider.</summary>
    private async Task<(HttpClient First, HttpClient Second, Guid Account)> TwoSessionsAsync(string subject, string email)
    {
        Provider.NextUser = (subject, email, "Nadia Brook", ["csc-social-workers"]);
        Provider.NextSessionId = $"{subject}-session-at-desk";
        var (first, _) = await SignInThroughProviderAsync();
        Provider.NextSessionId = $"{subject}-session-on-laptop";
        var (second, _) = await SignInThroughProviderAsync();
        var account = await WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        return (first, second, account);
    }

    /// <summary>
    /// Signed out at the provider (or ended there: an account disabled, a password reset), the provider tells this service
    /// over the back channel, and the session it names ends at once; the colleague's other session, elsewhere, does not.
    /// </summary>
    [Fact]
    public async Task The_providers_back_channel_logout_ends_the_session_it_names_at_once_and_no_other()
    {
        var (first, second, account) = await TwoSessionsAsync("entra-oid-7", "n.brook@council.example");
        Assert.Equal(
            ["entra-oid-7-session-at-desk", "entra-oid-7-session-on-laptop"],
            await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == account).OrderBy(s => s.StartedAtUtc).Select(s => s.ProviderSessionId!).ToListAsync()));

        var answer = await PostLogoutTokenAsync(Provider.LogoutToken("entra-oid-7", "entra-oid-7-session-at-desk"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("no-store", answer.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(
            Application.Users.SessionEnd.ProviderSignedOut,
            await WithDbAsync(db => db.SignInSessions.Where(s => s.ProviderSessionId == "entra-oid-7-session-at-desk").Select(s => s.EndReason).SingleAsync()));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("authn_logout_backchannel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_logout_token_naming_only_the_person_ends_every_session_they_signed_in_to_through_the_provider()
    {
        var (first, second, account) = await TwoSessionsAsync("entra-oid-8", "o.penn@council.example");

        Assert.Equal(HttpStatusCode.OK, (await PostLogoutTokenAsync(Provider.LogoutToken("entra-oid-8", null))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.UserId == account && s.EndedAtUtc == null)));
    }

    /// <summary>A logout token acted on once is refused if posted again: it cannot end the sessions begun since.</summary>
    [Fact]
    public async Task A_logout_token_posted_again_is_refused_and_ends_no_session_begun_since()
    {
        var (first, _, account) = await TwoSessionsAsync("entra-oid-9", "q.rowe@council.example");
        var token = Provider.LogoutToken("entra-oid-9", null);
        Assert.Equal(HttpStatusCode.OK, (await PostLogoutTokenAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);

        Provider.NextSessionId = "entra-oid-9-session-next-morning";
        var (again, _) = await SignInThroughProviderAsync();
        var replayed = await PostLogoutTokenAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.UserId == account && s.EndedAtUtc == null)));
    }

    private static readonly string[] BadTokens = ["another key", "another audience", "another issuer", "no event", "a nonce", "no sid or sub", "issued an hour ago", "expired", "not a token", "none"];

    public static TheoryData<string> BadLogoutTokens => [.. BadTokens];

    /// <summary>A logout token the provider did not sign for this service, or that is not a logout token, ends nothing.</summary>
    [Theory]
    [MemberData(nameof(BadLogoutTokens))]
    public async Task A_logout_token_that_is_not_the_providers_for_this_service_is_refused_and_ends_nothing(string bad)
    {
        var subject = $"entra-oid-bad-{Array.IndexOf(BadTokens, bad)}";
        Provider.NextUser = (subject, $"{subject}@council.example", "Pat Quill", ["csc-social-workers"]);
        Provider.NextSessionId = $"{subject}-session";
        var (client, _) = await SignInThroughProviderAsync();
        var sid = Provider.NextSessionId;
        var token = bad switch
        {
            "another key" => Provider.LogoutToken(subject, sid, signedWith: new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)), SecurityAlgorithms.RsaSha256)),
            "another audience" => Provider.LogoutToken(subject, sid, c => c["aud"] = "another-service"),
            "another issuer" => Provider.LogoutToken(subject, sid, c => c["iss"] = "https://login.example/another/"),
            "no event" => Provider.LogoutToken(subject, sid, c => c.Remove("events")),
            "a nonce" => Provider.LogoutToken(subject, sid, c => c["nonce"] = "n-0S6_WzA2Mj"),
            "no sid or sub" => Provider.LogoutToken(null, null),
            "issued an hour ago" => Provider.LogoutToken(subject, sid, c => c["iat"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()),
            "expired" => Provider.LogoutToken(subject, sid, c => c["exp"] = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds()),
            "not a token" => "not-a-token",
            _ => null,
        };

        var answer = await PostLogoutTokenAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("invalid_request", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.ProviderSessionId == sid && s.EndedAtUtc == null)));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("authn_logout_backchannel_fail", StringComparison.Ordinal));
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
