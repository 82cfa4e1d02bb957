using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ChildrenServices.Tests.Shared;

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests: OpenIddict's server, on Kestrel over a local port, with
/// discovery, signed ID tokens, the code flow and PKCE. Its authorisation endpoint signs in whoever the test says is at
/// the keyboard (<see cref="NextUser"/>), with their groups, as a council's directory would after its own sign-in.
/// </summary>
public sealed class OidcTestServer : IAsyncDisposable
{
    public const string ClientId = "childrenservices";
    public const string ClientSecret = "a-test-client-secret-of-some-length";

    private readonly SqliteConnection store = new("Data Source=:memory:");
    private WebApplication? app;

    public Uri Issuer { get; private set; } = default!;

    private int endedSessions;

    /// <summary>How many times a browser was sent to the provider's end-session endpoint and signed out there.</summary>
    public int EndedSessions => Volatile.Read(ref endedSessions);

    /// <summary>The client id the last end-session request named.</summary>
    public string? LastEndSessionClientId { get; private set; }

    /// <summary>The provider's session id put in the next ID token (<c>sid</c>), as a provider supporting back-channel logout does.</summary>
    public string NextSessionId { get; set; } = "provider-session-1";

    /// <summary>
    /// A logout token as the provider would post it to a client's back-channel logout URI (OpenID Connect Back-Channel
    /// Logout 1.0), signed with the provider's own key; <paramref name="change"/> alters its claims for the tests of a bad one.
    /// </summary>
    public string LogoutToken(string? subject, string? sessionId, Action<Dictionary<string, object>>? change = null, SigningCredentials? signedWith = null)
    {
        var credentials = signedWith ?? (app ?? throw new InvalidOperationException("Start the provider first"))
            .Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer.AbsoluteUri,
            ["aud"] = ClientId,
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        change?.Invoke(claims);
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials,
            TokenType = "logout+jwt",
        });
    }

    /// <summary>Who signs in at the provider next: subject, email, name and groups.</summary>
    public (string Subject, string Email, string Name, string[] Groups) NextUser { get; set; } = ("subject-1", "someone@council.example", "Someone", []);

    /// <summary>Starts the provider and registers the service as its client, with the address the provider sends people back to.</summary>
    public async Task StartAsync(string redirectUri)
    {
        await StartAsync();
        await RegisterClientAsync(redirectUri);
    }

    /// <summary>Starts the provider alone: for a service whose own address is known only once it has started.</summary>
    public async Task StartAsync()
    {
        await store.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        app = builder.Build();
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            var user = NextUser;
            identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Email, user.Email).SetClaim(Claims.Name, user.Name).SetClaim("sid", NextSessionId);
            foreach (var group in user.Groups)
            {
                identity.AddClaim(new Claim("groups", group));
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        // RP-initiated logout: the provider ends its own session (counted, for the tests) and sends the browser back to the
        // service's registered post-logout address.
        app.MapGet("/connect/logout", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
            Interlocked.Increment(ref endedSessions);
            LastEndSessionClientId = request.ClientId;
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        Issuer = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
    }

    public async Task RegisterClientAsync(string redirectUri)
    {
        await using var scope = (app ?? throw new InvalidOperationException("Start the provider first")).Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(redirectUri) },
            PostLogoutRedirectUris = { new Uri(redirectUri.Replace("/signin-oidc", "/signout-callback-oidc", StringComparison.Ordinal)) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await store.DisposeAsync();
    }
}
