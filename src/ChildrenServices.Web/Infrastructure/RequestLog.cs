using System.Diagnostics;
using System.Security.Claims;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// One line per request: method, path (ids only; never the query string, where search terms would be names), status,
/// time, user id, client address and correlation id (docs/operations.md). Written through the app's logging, so it goes
/// wherever Serilog is sent (Serilog's own request middleware wrote to the static logger, which this app never sets).
/// </summary>
public static class RequestLog
{
    public const string Category = "ChildrenServices.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        // One logger for the app's life: every request is on the hot path.
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) => await LogAsync(context, next, logger));
    }

    private static async Task LogAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var status = context.Response.StatusCode;

            // Any refusal not already in the security log (a record the user may read but not change, a page filter's).
            if (status == StatusCodes.Status403Forbidden && !context.Items.ContainsKey(SecurityLog.AuthzLoggedItem))
            {
                SecurityLog.Write(context, LogLevel.Warning, "authz_fail", "refused");
            }

            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                logger.Log(level,
                    "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms by {UserId} from {ClientAddress} (correlation {CorrelationId})",
                    context.Request.Method,
                    context.Request.Path.Value,
                    status,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    context.TraceIdentifier);
            }
        }
    }
}
