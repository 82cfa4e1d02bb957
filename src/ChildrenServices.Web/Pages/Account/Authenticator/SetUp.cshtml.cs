using System.Text;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace ChildrenServices.Web.Pages.Account.Authenticator;

/// <summary>
/// Setting up an authenticator app: scan the QR code (or type the key), enter the code the app then shows, and take
/// the ten recovery codes, shown this once. Where the council requires it, a local account comes here at its first
/// sign-in and can do nothing else until it is done (AccountGate).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SetUpModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The key, in groups of four, for typing into an app that cannot scan.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The otpauth link as a QR code, a PNG data URI.</summary>
    public string QrCode { get; private set; } = "";

    /// <summary>Set once the app is confirmed: shown on this response only, never kept in clear.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public bool Required => AccountGate.Required(User) == AccountGate.SetUpAuthenticator;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Authenticator/Index");
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Authenticator/Index");
        }

        var code = new string([.. (Code ?? "").Where(c => !char.IsWhiteSpace(c))]);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "The code must be 6 digits, like 123456");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            SecurityLog.Write(HttpContext, LogLevel.Warning, "authn_mfa_enrol_fail");
            ModelState.AddModelError(nameof(Code), "That code is wrong or has been used. Check the app is set up with this key and enter the code it shows now");
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

        // The sign-in is re-issued without the gate; the session carries on.
        await signIn.RefreshSignInAsync(user);
        SecurityLog.Write(HttpContext, LogLevel.Information, "authn_mfa_enrol");
        return Page();
    }

    private async Task ShowKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made");

            // A new key changes the account's security stamp, which ends its sessions: this one is re-issued.
            await signIn.RefreshSignInAsync(user);
        }

        Key = Grouped(key.ToUpperInvariant());
        var issuer = Uri.EscapeDataString("Children's services");
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id.ToString());
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd();
    }
}
