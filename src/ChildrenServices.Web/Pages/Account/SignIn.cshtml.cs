using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>GOV.UK-styled sign-in. Repeated failures lock the account; the message never says which part was wrong.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, Microsoft.Extensions.Options.IOptions<AccountSettings> settings, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Why the last session ended, when the server ended it: "idle" or "lifetime".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ended { get; set; }

    public int IdleMinutes => settings.Value.IdleTimeoutMinutes;

    public int LifetimeHours => settings.Value.AbsoluteLifetimeHours;

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Security: {SecurityEvent}", "authn_login_success");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: the authenticator code comes next (Identity holds who in its two-factor cookie).
            return RedirectToPage("/Account/SignInCode", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        }

        if (result is TemporaryPasswordExpired)
        {
            logger.LogWarning("Security: {SecurityEvent}", "authn_login_fail_temporary_password_expired");
            ModelState.AddModelError("Input.Password", "Your temporary password has expired. Ask your administrator for a new one");
        }
        else if (result.IsLockedOut)
        {
            logger.LogWarning("Security: {SecurityEvent}", "authn_login_lock");
            ModelState.AddModelError("Input.Email", "Your account is locked after too many failed attempts. Try again in 15 minutes or contact your administrator");
        }
        else
        {
            logger.LogWarning("Security: {SecurityEvent}", "authn_login_fail");
            ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        }

        Input.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class Credentials
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
