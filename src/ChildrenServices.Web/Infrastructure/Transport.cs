using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>How the service is reached ("Transport" in the settings; docs/security.md, ADR 0039).</summary>
public sealed class TransportSettings
{
    public const string Section = "Transport";

    /// <summary>
    /// HTTPS only: plain requests are redirected, HSTS is sent, and every cookie is <c>__Host-</c> and Secure. On
    /// unless turned off (the demo on http://localhost, and the browser journeys' local server).
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The reverse proxies or load balancers in front of the service, by address: only their X-Forwarded-For and
    /// X-Forwarded-Proto are believed. Empty: none are.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The port HTTPS is served on, when plain requests are redirected (443 unless set).</summary>
    public int? HttpsPort { get; set; }

    public string CookiePrefix => RequireHttps ? "__Host-" : "";
}

public static class Transport
{
    /// <summary>The cookies the service sets, named and secured as the settings say.</summary>
    public static void AddTransportSecurity(this IServiceCollection services, TransportSettings settings)
    {
        var secure = settings.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var prefix = settings.CookiePrefix;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;

            // The framework trusts loopback by default; only the proxies the council names are trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;

            // Sent whatever the host is called: where HTTPS is required, a server named localhost is no exception.
            o.ExcludedHosts.Clear();
        });
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            // Named, not found from the server's addresses: behind a proxy that ends TLS the server has no HTTPS address of its own.
            o.HttpsPort = settings.HttpsPort ?? 443;
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => Secure(o.Cookie, prefix + "childrenservices.auth", secure));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Secure(o.Cookie, prefix + "childrenservices.2fa", secure));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Secure(o.Cookie, prefix + "childrenservices.2fa-remember", secure));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Secure(o.Cookie, prefix + "childrenservices.external", secure));
        services.PostConfigure<AntiforgeryOptions>(o => Secure(o.Cookie, prefix + "childrenservices.antiforgery", secure));
        services.PostConfigure<CookieTempDataProviderOptions>(o => Secure(o.Cookie, prefix + "childrenservices.tempdata", secure));
    }

    /// <summary>Forwarded headers from trusted proxies first; then HSTS and HTTPS redirection where HTTPS is required.</summary>
    public static void UseTransportSecurity(this WebApplication app, TransportSettings settings)
    {
        // With no proxy named the middleware would believe any sender's headers, so it runs only when one is.
        if (settings.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (settings.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        else if (app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Security: {SecurityEvent}: Transport:RequireHttps is off in production; cookies are not __Host- and plain HTTP is served", "sys_config_insecure");
        }

        if (app.Environment.IsProduction() && app.Configuration["AllowedHosts"] is null or "*")
        {
            app.Logger.LogWarning("Security: {SecurityEvent}: AllowedHosts is not set to the service's own host names", "sys_config_insecure");
        }
    }

    private static void Secure(CookieBuilder cookie, string name, CookieSecurePolicy secure)
    {
        cookie.Name = name;
        cookie.SecurePolicy = secure;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.HttpOnly = true;
    }
}
