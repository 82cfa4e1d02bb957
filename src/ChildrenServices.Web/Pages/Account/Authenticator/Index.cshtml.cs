using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Pages.Account.Authenticator;

/// <summary>
/// A colleague's authenticator app: whether it is set up, how many recovery codes are left, new recovery codes, and
/// moving to a different app (or, where the council does not require one, turning it off) with their password.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptions<AccountSettings> settings) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool Required => settings.Value.RequireMfa;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The password again before new recovery codes are shown (an unattended session must not make them).</summary>
    [BindProperty]
    public string? CodesPassword { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Authenticator/SetUp");
        }

        if (string.IsNullOrEmpty(CodesPassword) || !await users.CheckPasswordAsync(user, CodesPassword))
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_reauthentication_fail");
            ModelState.AddModelError(nameof(CodesPassword), string.IsNullOrEmpty(CodesPassword) ? "Enter your password" : "Your password is wrong");
            CodesPassword = null;
            await LoadAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SetUpModel.RecoveryCodeCount) ?? []];
        SecurityLog.Write(HttpContext, LogLevel.Information, "authn_mfa_recovery_codes_replaced");
        await LoadAsync(user);
        return Page();
    }

    /// <summary>A different app (a new phone), or off where the council allows: the password first, as an unattended session must not do it.</summary>
    public async Task<IActionResult> OnPostResetAsync(bool off)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_reauthentication_fail");
            ModelState.AddModelError(nameof(Password), string.IsNullOrEmpty(Password) ? "Enter your password" : "Your password is wrong");
            Password = null;
            await LoadAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (off && Required)
        {
            return BadRequest();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        SecurityLog.Write(HttpContext, LogLevel.Information, off ? "authn_mfa_disabled" : "authn_mfa_reset");
        if (off)
        {
            TempData["Banner"] = "Your authenticator app is turned off. You will sign in with your password only";
            return RedirectToPage();
        }

        return RedirectToPage("/Account/Authenticator/SetUp");
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
