using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// How long a browser keeps the service's own static files (GOV.UK and MoJ styles and scripts, site styles,
/// images). The layouts link them with a version taken from the file's content (asp-append-version), so a
/// versioned URL never changes meaning and is kept for a year without asking again; a new build's files get new
/// URLs. An unversioned request (a script module importing GOV.UK Frontend by its path) may be kept but is
/// checked with the server on each use (an ETag, answered 304 when unchanged). Nothing here is about a person:
/// pages stay no-store (<see cref="SecurityHeaders"/>). ADR 0027.
/// </summary>
public static class StaticAssetCaching
{
    /// <summary>The query parameter asp-append-version adds.</summary>
    private const string VersionParameter = "v";

    private const string Versioned = "public, max-age=31536000, immutable";

    private const string Unversioned = "no-cache";

    /// <summary>Set on a request the static-file middleware answered from wwwroot.</summary>
    private static readonly object ServedKey = new();

    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = Apply,
    });

    /// <summary>Whether this response is a static file, which keeps the caching given here instead of the pages' no-store.</summary>
    public static bool IsStaticFile(HttpContext context) => context.Items.ContainsKey(ServedKey);

    private static void Apply(StaticFileResponseContext file)
    {
        file.Context.Items[ServedKey] = true;
        file.Context.Response.Headers[HeaderNames.CacheControl] =
            file.Context.Request.Query.ContainsKey(VersionParameter) ? Versioned : Unversioned;
    }
}
