using System.Security.Claims;
using ChildrenServices.Application.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Single sign-on with the council's identity provider over OpenID Connect (Microsoft Entra ID, or any other), configured
/// by settings ("SingleSignOn"; docs/security.md). Off while no authority is set. The provider's groups map to roles;
/// local passwords stay for councils without one and for break-glass.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "SingleSignOn";
    public const string Scheme = "oidc";

    /// <summary>Where the provider posts its back-channel logout token (register it at the provider as the back-channel logout URI).</summary>
    public const string BackChannelLogoutPath = "/signout-oidc-backchannel";

    /// <summary>Claims passed to the sign-in (never put in the cookie): the provider's session id and the person's subject there.</summary>
    public const string ProviderSessionClaim = "provider_sid", ProviderSubjectClaim = "provider_sub";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the button says: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>The claim the provider puts groups in (Entra ID: "groups", the group object ids).</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Provider group → role in this service (a role from <see cref="Roles.All"/>). A user in no mapped group is refused.</summary>
    public Dictionary<string, string> RoleMappings { get; set; } = [];

    /// <summary>Metadata and keys over HTTPS only; only a test's local provider turns this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The roles the provider's groups give, or none.</summary>
    public IReadOnlyList<string> RolesFor(ClaimsPrincipal principal) =>
        [.. principal.FindAll(GroupsClaim).Select(c => c.Value)
            .Where(RoleMappings.ContainsKey).Select(g => RoleMappings[g]).Where(Roles.All.Contains).Distinct().Order(StringComparer.Ordinal)];

    public static void Add(IServiceCollection services, SingleSignOnSettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CallbackPath = "/signin-oidc";
            o.TokenValidationParameters.NameClaimType = "name";

            // Signing out here signs the person out at the provider too (OpenID Connect RP-initiated logout): the provider
            // is sent our client id (no ID token is kept to send as a hint) and comes back to the sign-out page.
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            o.SignedOutRedirectUri = "/Account/SignOut";
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.ClientId = settings.ClientId;
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The provider's end-session endpoint from its discovery document, or null when single sign-on is off, the provider
    /// publishes none, or it cannot be reached: then signing out ends this service's session only.
    /// </summary>
    public static async Task<string?> EndSessionEndpointAsync(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SingleSignOnSettings>>().Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>().Get(Scheme);
        try
        {
            var configuration = options.Configuration ?? await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            return string.IsNullOrEmpty(configuration.EndSessionEndpoint) ? null : configuration.EndSessionEndpoint;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            return null;
        }
    }
}
