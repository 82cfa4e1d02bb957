using ChildrenServices.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// Identity's store, keeping two secrets it would keep in plain text: the authenticator key is encrypted (data
/// protection, so a copy of the database cannot make codes), and recovery codes are kept only as salted password
/// hashes (ASVS 5.0 V6.5: lookup secrets under 112 bits are stored hashed).
/// </summary>
public sealed class AppUserStore(AppDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole<Guid>, AppDbContext, Guid>(context, describer)
{
    private const string LoginProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";
    private const string RecoveryCodesName = "RecoveryCodes";

    private readonly IDataProtector keys = protection.CreateProtector("ChildrenServices.AuthenticatorKey.v1");
    private readonly PasswordHasher<AppUser> hasher = new();

    /// <summary>A new key starts its own count of used codes: the old key's steps say nothing about it.</summary>
    public override async Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken)
    {
        user.LastAuthenticatorStep = null;
        await SetTokenAsync(user, LoginProvider, AuthenticatorKeyName, keys.Protect(key), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, LoginProvider, AuthenticatorKeyName, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return keys.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Not readable with this server's keys (lost, or never protected): as if none were set up.
            return null;
        }
    }

    public override async Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        var hashed = recoveryCodes.Select(c => hasher.HashPassword(user, Normalise(c)));
        await SetTokenAsync(user, LoginProvider, RecoveryCodesName, string.Join(";", hashed), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, LoginProvider, RecoveryCodesName, cancellationToken) ?? "";
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var typed = Normalise(code);
        var match = hashes.FindIndex(h => hasher.VerifyHashedPassword(user, h, typed) != PasswordVerificationResult.Failed);
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        await SetTokenAsync(user, LoginProvider, RecoveryCodesName, string.Join(";", hashes), cancellationToken);
        return true;
    }

    /// <summary>Codes are shown in groups with a hyphen and in capitals; typed either way they match.</summary>
    private static string Normalise(string code) => new string([.. code.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
}
