using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>GOV.UK-styled sign-in. Repeated failures lock the account; the message never says which part was wrong.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, SignInThrottle throttle, Microsoft.Extensions.Options.IOptions<AccountSettings> settings, Microsoft.Extensions.Options.IOptions<SingleSignOnSettings> singleSignOn) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Why the last session ended, when the server ended it: "idle" or "lifetime".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ended { get; set; }

    public int IdleMinutes => settings.Value.IdleTimeoutMinutes;

    public SingleSignOnSettings SingleSignOn => singleSignOn.Value;

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

        var email = Input.Email!.Trim();
        var device = DeviceCookie.DeviceFor(HttpContext, email);
        if (await throttle.IsLockedAsync(email, device, HttpContext.RequestAborted))
        {
            // Locked for this client (this browser, or clients the account has never used) whatever is typed: no password is tried.
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_lock", device is null ? "untrusted client" : "trusted browser");
            ModelState.AddModelError("Input.Email", LockedMessage);
            Input.Password = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Identity's own lockout would let anyone lock a colleague out by typing their email: the throttle counts instead.
        var result = await signIn.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(email, device, HttpContext.RequestAborted);
            DeviceCookie.Remember(HttpContext, email);
            SecurityLog.Write(HttpContext, LogLevel.Information, "authn_login_success");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: the authenticator code comes next (Identity holds who in its two-factor cookie).
            await throttle.SucceededAsync(email, device, HttpContext.RequestAborted);
            return RedirectToPage("/Account/SignInCode", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        }

        if (result is TemporaryPasswordExpired)
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail_temporary_password_expired");
            ModelState.AddModelError("Input.Password", "Your temporary password has expired. Ask your administrator for a new one");
        }
        else if (result.IsLockedOut)
        {
            // Locked by wrong authenticator codes after a right password: only someone who knew the password did that.
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_lock");
            ModelState.AddModelError("Input.Email", LockedMessage);
        }
        else
        {
            await throttle.FailedAsync(email, device, HttpContext.RequestAborted);
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_login_fail");
            ModelState.AddModelError("Input.Email", await throttle.IsLockedAsync(email, device, HttpContext.RequestAborted) ? LockedMessage : "Enter a correct email address and password");
        }

        Input.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private const string LockedMessage = "Too many failed attempts. Try again in 15 minutes, from the computer you usually use, or ask your administrator for a temporary password";

    private string? Address => HttpContext.Connection.RemoteIpAddress?.ToString();

    public sealed class Credentials
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
