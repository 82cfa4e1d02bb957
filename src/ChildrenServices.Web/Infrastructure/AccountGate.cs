using System.Security.Claims;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// What a signed-in account must do before it may do anything else: choose its own password in place of an
/// administrator's temporary one, then set up an authenticator app where the council requires it. Until then every
/// page but that one (and signing out) sends them to it, and a form posted elsewhere is refused.
/// </summary>
public static class AccountGate
{
    public const string ClaimType = "account_gate";
    public const string ChangePassword = "change_password";
    public const string SetUpAuthenticator = "set_up_authenticator";

    public const string ChangePasswordPage = "/Account/ChangePassword";
    public const string SetUpAuthenticatorPage = "/Account/Authenticator/SetUp";

    public static string? Required(ClaimsPrincipal user) => user.FindFirstValue(ClaimType);

    /// <summary>Signed in through the council's identity provider, which is responsible for the second factor.</summary>
    public static bool SignedInBySingleSignOn(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.AuthenticationMethod) == SingleSignOnSettings.Scheme;

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && Required(context.User) is { } gate
            && !(gate == SetUpAuthenticator && SignedInBySingleSignOn(context.User)))
        {
            var page = gate == ChangePassword ? ChangePasswordPage : SetUpAuthenticatorPage;
            var path = context.Request.Path;
            var allowed = path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/Account/SignOut", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
            if (!allowed)
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(page);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }
        }

        await next();
    });
}
