using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>How hard the public form may be used from one address (configuration "FrontDoor:OnlineRequestRateLimits").</summary>
public sealed class OnlineRequestRateLimits
{
    public const string Section = "FrontDoor:OnlineRequestRateLimits";

    /// <summary>Answers saved (any POST under /request) per address per window.</summary>
    public int PostsPerWindow { get; set; } = 20;

    public int PostWindowMinutes { get; set; } = 10;

    /// <summary>Requests sent to the front door per address per window.</summary>
    public int SubmitsPerWindow { get; set; } = 5;

    public int SubmitWindowMinutes { get; set; } = 60;
}

/// <summary>
/// Rate limits partitioned by client address: for the public online request (every POST under /request counts towards
/// one limit; sending the request towards a stricter one too) and for signing in (each password or code sent). Nothing
/// else is limited, so practitioners' pages are never throttled.
/// </summary>
public static class OnlineRequestProtection
{
    public const string SubmitPolicy = "online-request-submit";

    public static IServiceCollection AddOnlineRequestProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OnlineRequestRateLimits>(configuration.GetSection(OnlineRequestRateLimits.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // The security log: the event, the path, the client's address (a member of the public's or a colleague's,
                // never a child's) and the correlation id.
                SecurityLog.Write(context.HttpContext, LogLevel.Warning, "excess_rate_limit_exceeded");
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (HttpMethods.IsPost(http.Request.Method) && IsSignIn(http.Request.Path))
                {
                    // Password and code guesses from one address, whichever accounts they are for (password spraying).
                    var accounts = http.RequestServices.GetRequiredService<IOptions<ChildrenServices.Infrastructure.Identity.AccountSettings>>().Value;
                    return RateLimitPartition.GetFixedWindowLimiter("signin|" + Address(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = accounts.SignInAttemptsPerAddress,
                        Window = TimeSpan.FromMinutes(accounts.SignInWindowMinutes),
                        QueueLimit = 0,
                    });
                }

                if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/request", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = Limits(http);
                return RateLimitPartition.GetFixedWindowLimiter("posts|" + Address(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PostsPerWindow,
                    Window = TimeSpan.FromMinutes(limits.PostWindowMinutes),
                    QueueLimit = 0,
                });
            });
            options.AddPolicy(SubmitPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = Limits(http);
                return RateLimitPartition.GetFixedWindowLimiter("submit|" + Address(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SubmitsPerWindow,
                    Window = TimeSpan.FromMinutes(limits.SubmitWindowMinutes),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static bool IsSignIn(PathString path) =>
        path.Equals("/Account/SignIn", StringComparison.OrdinalIgnoreCase) || path.Equals("/Account/SignInCode", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The client's address as Kestrel sees it. Behind a proxy or load balancer, configure forwarded
    /// headers for the known proxies first, or every request shares the proxy's address.
    /// </summary>
    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : IPAddress.None.ToString();

    private static OnlineRequestRateLimits Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<OnlineRequestRateLimits>>().Value;
}
