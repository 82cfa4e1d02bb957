using System.Text.Json;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: when a colleague signs out at the council's identity provider (or the provider
/// ends their session: an account disabled, a password reset), the provider posts a signed logout token here, server to
/// server, and the sessions it names end at once instead of running to their idle or absolute limit. The token must be
/// signed by the provider's keys (from its discovery document), issued by it, for this service's client id, recent, carry
/// the back-channel logout event, no nonce, and name the provider's session (<c>sid</c>) or the person (<c>sub</c>). The
/// sessions ended are those of single sign-ons that match (<see cref="SignInSession.ProviderSessionId"/>,
/// <see cref="SignInSession.ProviderSubject"/>); a local password sign-in is never touched.
/// </summary>
public static class BackChannelLogout
{
    public const string Event = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How old a logout token may be (by its <c>iat</c>): one replayed later is refused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapBackChannelLogout(this IEndpointRouteBuilder endpoints, SingleSignOnSettings settings)
    {
        if (settings.Enabled)
        {
            endpoints.MapPost(SingleSignOnSettings.BackChannelLogoutPath, HandleAsync).AllowAnonymous().DisableAntiforgery();
        }

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        var token = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted))["logout_token"].ToString() : string.Empty;
        var (claims, problem) = string.IsNullOrEmpty(token) ? (null, "no logout_token") : await ValidateAsync(http, token);
        if (claims is null)
        {
            await RefuseAsync(http, problem);
            return;
        }

        var (sid, sub, jti) = claims.Value;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (jti is not null && !await FirstUseAsync(db, jti, now, http.RequestAborted))
        {
            await RefuseAsync(http, "a logout token already used");
            return;
        }

        var sessions = db.SignInSessions.Where(s => s.ProviderSubject != null);
        sessions = sid is null ? sessions : sessions.Where(s => s.ProviderSessionId == sid);
        sessions = sub is null ? sessions : sessions.Where(s => s.ProviderSubject == sub);
        var ended = await sessions.EndAsync(now, Application.Users.SessionEnd.ProviderSignedOut, http.RequestAborted);
        SecurityLog.Write(http, LogLevel.Information, "authn_logout_backchannel", $"{ended} session(s) ended");
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The spec's answer to a logout token not accepted: 400 with an OAuth error, and why in the security log only.</summary>
    private static async Task RefuseAsync(HttpContext http, string why)
    {
        SecurityLog.Write(http, LogLevel.Warning, "authn_logout_backchannel_fail", why);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        await http.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = "The logout token was not accepted" }, http.RequestAborted);
    }

    /// <summary>
    /// Remembers the token's <c>jti</c> until it would be refused as too old anyway; false when it was used before (the
    /// primary key refuses a second insert, so of two posts at once only one ends anything).
    /// </summary>
    private static async Task<bool> FirstUseAsync(AppDbContext db, string jti, DateTime now, CancellationToken ct)
    {
        await db.UsedLogoutTokens.Where(t => t.KeptUntilUtc < now).ExecuteDeleteAsync(ct);
        if (jti.Length > UsedLogoutToken.JtiLength || await db.UsedLogoutTokens.AnyAsync(t => t.Jti == jti, ct))
        {
            return false;
        }

        db.UsedLogoutTokens.Add(new UsedLogoutToken(jti, now + MaxAge + TimeSpan.FromMinutes(10)));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The token's session id, subject and id when it is a valid logout token from the provider; else why not.</summary>
    private static async Task<((string? Sid, string? Sub, string? Jti)? Claims, string Problem)> ValidateAsync(HttpContext http, string token)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<SingleSignOnSettings>>().Value;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SingleSignOnSettings.Scheme);
        Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration;
        try
        {
            configuration = options.Configuration ?? await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            return (null, "the provider's keys could not be read");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, $"not valid: {result.Exception?.GetType().Name ?? "unreadable"}");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        var root = payload.RootElement;
        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object || !events.TryGetProperty(Event, out _))
        {
            return (null, "no back-channel logout event");
        }

        if (root.TryGetProperty("nonce", out _))
        {
            return (null, "a nonce, so an ID token, not a logout token");
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (!root.TryGetProperty("iat", out var iat) || !iat.TryGetInt64(out var issued)
            || DateTimeOffset.FromUnixTimeSeconds(issued).UtcDateTime is var at && (at < now - MaxAge || at > now + TimeSpan.FromMinutes(5)))
        {
            return (null, "no iat, or issued too long ago");
        }

        var sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var sub = root.TryGetProperty("sub", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var jti = root.TryGetProperty("jti", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
        return string.IsNullOrEmpty(sid) && string.IsNullOrEmpty(sub)
            ? (null, "neither sid nor sub")
            : ((string.IsNullOrEmpty(sid) ? null : sid, string.IsNullOrEmpty(sub) ? null : sub, string.IsNullOrEmpty(jti) ? null : jti), string.Empty);
    }
}
