using ChildrenServices.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>GOV.UK-styled sign-in. Repeated failures lock the account; the message never says which part was wrong.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

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
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Security: sign-in refused for a locked-out account");
            ModelState.AddModelError("Input.Email", "Your account is locked after too many failed attempts. Try again in 15 minutes or contact your administrator");
        }
        else
        {
            logger.LogWarning("Security: failed sign-in attempt");
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
