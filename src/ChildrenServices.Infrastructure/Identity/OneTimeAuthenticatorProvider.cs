using ChildrenServices.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// Authenticator app codes (TOTP, RFC 6238: six digits, 30-second steps, SHA-1, as every authenticator app reads a
/// QR code) where each code works once, and only within one step either side of now. The framework's own provider
/// takes a code again and again for 90 seconds; ASVS 5.0 V6.6 asks that a code be used once.
/// </summary>
public sealed class OneTimeAuthenticatorProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "OneTimeAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes, not the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string([.. (token ?? "").Where(char.IsAsciiDigit)]);
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        // Taken only if no code of this step or a later one was taken before: one statement, so two requests racing
        // with the same code cannot both win.
        var taken = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastAuthenticatorStep, step));
        if (taken != 1)
        {
            return false;
        }

        // The tracked account too, so a later save of it (a failed-count reset) does not write the old step back.
        user.LastAuthenticatorStep = step;
        if (db.Entry(user) is { State: not EntityState.Detached } entry)
        {
            entry.Property(u => u.LastAuthenticatorStep).OriginalValue = step;
        }

        return true;
    }
}
