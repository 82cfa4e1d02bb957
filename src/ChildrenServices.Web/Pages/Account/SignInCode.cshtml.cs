using ChildrenServices.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ChildrenServices.Web.Infrastructure;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>
/// The second step of signing in: the code the authenticator app shows now, or one of the recovery codes. The
/// password step put who is signing in into Identity's short-lived two-factor cookie; wrong codes count towards the
/// same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class SignInCodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The form takes a recovery code rather than the app's code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The two-factor cookie ran out (five minutes) or was never there: start again.
            TempData["Banner"] = "Sign in again: the time to enter a code ran out";
            return RedirectToPage("/Account/SignIn");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), Recovery ? "Enter a recovery code" : "Enter the 6-digit code from your authenticator app");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            DeviceCookie.Remember(HttpContext, user?.Email ?? "");
            SecurityLog.Write(HttpContext, LogLevel.Information, Recovery ? "authn_login_success_recovery_code" : "authn_login_success_mfa");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Code = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (result.IsLockedOut)
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_lock");
            ModelState.AddModelError(nameof(Code), "Your account is locked after too many failed attempts. Try again in 15 minutes or contact your administrator");
        }
        else
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_mfa");
            ModelState.AddModelError(nameof(Code), Recovery
                ? "That recovery code is wrong or has been used. Enter one you have not used"
                : "That code is wrong or has been used. Enter the code your app shows now");
        }

        return Page();
    }
}
