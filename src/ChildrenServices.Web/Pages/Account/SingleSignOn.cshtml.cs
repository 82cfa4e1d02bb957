using System.Security.Claims;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>
/// Single sign-on (ADR 0039): the sign-in page's button posts here and goes to the council's identity provider; the
/// provider's answer comes back (through the OpenID Connect handler) to <see cref="OnGetCallbackAsync"/>, which signs
/// the colleague in with the roles their groups give. The provider is responsible for their second factor.
/// </summary>
[AllowAnonymous]
public sealed class SingleSignOnModel(
    SignInManager<AppUser> signIn,
    ExternalAccounts accounts,
    IOptions<SingleSignOnSettings> settings) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public IActionResult OnPost(string? returnUrl)
    {
        if (!settings.Value.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/SingleSignOn", "Callback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(SingleSignOnSettings.Scheme, callback), SingleSignOnSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null)
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_sso", "no answer from the identity provider");
            return Refused("Your council's sign-in did not complete. Try again");
        }

        var email = ExternalAccounts.EmailOf(login.Principal);
        var roles = settings.Value.RolesFor(login.Principal);
        if (string.IsNullOrWhiteSpace(email))
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_sso", "no email from the identity provider");
            return Refused("Your council account has no email address this service can use. Ask your administrator");
        }

        if (roles.Count == 0)
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_sso", "no group mapped to a role");
            return Refused("Your council account has no role in Children's services. Ask your administrator to add you to the right group");
        }

        var user = await accounts.AccountForAsync(SingleSignOnSettings.Scheme, login, email.Trim(), login.Principal.FindFirst("name")?.Value ?? email, roles);
        if (!await signIn.CanSignInAsync(user))
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_sso", "account disabled");
            return Refused("Your account in Children's services is disabled. Ask your administrator");
        }

        // The provider's session id and subject are kept on the session, so its back-channel logout can end it.
        List<Claim> claims = [new(ClaimTypes.AuthenticationMethod, SingleSignOnSettings.Scheme), new(SingleSignOnSettings.ProviderSubjectClaim, login.ProviderKey)];
        if (login.Principal.FindFirst("sid")?.Value is { Length: > 0 } sid)
        {
            claims.Add(new Claim(SingleSignOnSettings.ProviderSessionClaim, sid));
        }

        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, claims);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        SecurityLog.Write(HttpContext, LogLevel.Information, "authn_login_success_sso");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private IActionResult Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
