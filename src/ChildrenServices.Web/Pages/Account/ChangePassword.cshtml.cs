using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>
/// A colleague changes their own password, giving the current one. It is also where an administrator's temporary
/// password sends them at first sign-in (AccountGate). Their other sessions end; this one carries on.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AppDbContext db,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public PasswordChange Input { get; set; } = new();

    /// <summary>The password in use is an administrator's temporary one.</summary>
    public bool Temporary { get; private set; }

    public void OnGet() => Temporary = AccountGate.Required(User) == AccountGate.ChangePassword;

    public async Task<IActionResult> OnPostAsync()
    {
        Temporary = AccountGate.Required(User) == AccountGate.ChangePassword;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", Temporary ? "Enter the temporary password you signed in with" : "Enter your current password");
        }

        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", "Enter a new password");
        }
        else if (Input.NewPassword.Length < Application.Users.CreateUser.MinimumPasswordLength)
        {
            ModelState.AddModelError("Input.NewPassword", $"The new password must be at least {Application.Users.CreateUser.MinimumPasswordLength} characters");
        }
        else if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "The new password must be different from the current one");
        }
        else if (Input.ConfirmPassword != Input.NewPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", string.IsNullOrEmpty(Input.ConfirmPassword) ? "Enter the new password again" : "The passwords do not match");
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                user.TemporaryPasswordExpiresAtUtc = null;
                await users.UpdateAsync(user);

                // The password changed, so its stamp did: every other session stops at its next request. Their rows
                // end too, so the sessions page is right at once. This one is re-issued and carries on.
                var current = SignInSessions.SessionId(User);
                await db.SignInSessions.Where(s => s.UserId == user.Id && s.Id != current)
                    .EndAsync(clock.GetUtcNow().UtcDateTime, Application.Users.SessionEnd.PasswordChanged);
                await signIn.RefreshSignInAsync(user);
                SecurityLog.Write(HttpContext, LogLevel.Information, "authn_password_change");
                TempData["Banner"] = "Your password has been changed. You have been signed out on any other devices";
                return LocalRedirect("/");
            }

            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError("Input.CurrentPassword", Temporary ? "The temporary password is wrong" : "Your current password is wrong");
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
                        ? $"The new password must be at least {Application.Users.CreateUser.MinimumPasswordLength} characters"
                        : error.Description);
                }
            }

            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_password_change_fail");
        }

        // Nothing typed into a password box is sent back to the page.
        Input = new PasswordChange();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class PasswordChange
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
