using System.Security.Cryptography;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>A fresh nonce per request: the only inline script (GOV.UK's js-enabled switch) carries it.</summary>
public sealed class CspNonce
{
    // Hex, not base64: "+" and "/" would be HTML-encoded in the page and no longer match the header.
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

public static class SecurityHeaders
{
    /// <summary>
    /// Security headers on every response, and no caching of anything a signed-in user sees:
    /// a shared council PC must not show the last user's child records from its cache.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // A form's post may be redirected to the council's identity provider (single sign-on): the browser checks
        // form-action on every hop, so that one origin is allowed beside the service's own.
        var sso = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SingleSignOnSettings>>().Value;
        var formAction = sso.Enabled && Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return app.Use(async (context, next) => await AddAsync(context, next, formAction));
    }

    private static async Task AddAsync(HttpContext context, Func<Task> next, string formAction)
    {
        var nonce = context.RequestServices.GetRequiredService<CspNonce>().Value;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                $"connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // A static file (styles, scripts, images: nothing about a person) keeps the caching StaticAssetCaching gave it.
            if (!StaticAssetCaching.IsStaticFile(context))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next();
    }
}
