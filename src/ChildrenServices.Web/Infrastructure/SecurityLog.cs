using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// The security log (ASVS 5.0 V16; docs/security.md): one structured event per security-relevant thing, named in the OWASP
/// logging vocabulary (authn_login_fail, authz_fail, excess_rate_limit_exceeded, session_expired, ...), with who (user
/// id), from where (client address), the path (ids only: never a query string) and the correlation id. Never anything
/// about a child: no names, dates of birth, NHS numbers or case text.
/// </summary>
public static class SecurityLog
{
    public const string Category = "ChildrenServices.Security";

    /// <summary>Set once a refusal is logged, so the request log's catch-all for any other 403 does not log it twice.</summary>
    public const string AuthzLoggedItem = "SecurityLog.AuthzLogged";

    public static void Write(HttpContext http, LogLevel level, string securityEvent, string? detail = null)
    {
        if (securityEvent == "authz_fail")
        {
            http.Items[AuthzLoggedItem] = true;
        }

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        logger.Log(level, "Security: {SecurityEvent} {SecurityDetail} on {RequestPath} by {UserId} from {ClientAddress} (correlation {CorrelationId})",
            securityEvent,
            detail ?? "",
            http.Request.Path.Value,
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            http.TraceIdentifier);
    }
}

/// <summary>A page refused by its authorisation policy (a role without the permission) is logged before the 403 goes out.</summary>
public sealed class LoggedAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.Select(r => r.GetType().Name) ?? [];
            SecurityLog.Write(context, LogLevel.Warning, "authz_fail", $"page policy ({string.Join(", ", failed)})");
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>A form whose antiforgery token is missing or wrong (a forged cross-site post, or a stale tab) is logged.</summary>
public sealed class AntiforgeryFailureLog : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            SecurityLog.Write(context.HttpContext, LogLevel.Warning, "input_validation_fail", "antiforgery token missing or invalid");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
