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

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn, IOptions<AccountSettings> settings) : PageModel
{
    /// <summary>The page signed itself out after the idle warning ran out (session-timeout.js).</summary>
    [BindProperty(SupportsGet = true)]
    public bool TimedOut { get; set; }

    public int IdleMinutes => settings.Value.IdleTimeoutMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            SecurityLog.Write(HttpContext, LogLevel.Information, TimedOut ? "session_expired_idle" : "authn_logout");
        }

        // Signed in through the council's provider: signed out there too, where it publishes how (ASVS 7.6.1), so the
        // next person at this browser cannot walk straight back in through the provider's own session.
        var atProvider = User.FindFirstValue(ClaimTypes.AuthenticationMethod) == SingleSignOnSettings.Scheme
            && await SingleSignOnSettings.EndSessionEndpointAsync(HttpContext) is not null;
        await signIn.SignOutAsync();

        // The browser drops anything it cached of the session's pages (they are no-store already).
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        var back = Url.Page("/Account/SignOut", new { timedOut = TimedOut ? true : (bool?)null });
        return atProvider
            ? SignOut(new AuthenticationProperties { RedirectUri = back }, SingleSignOnSettings.Scheme)
            : LocalRedirect(back!);
    }
}
