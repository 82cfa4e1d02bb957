using System.Security.Cryptography;
using System.Text;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins counted so guessing is stopped without letting anyone lock a colleague out at will (OWASP's
/// "device cookie" scheme; ADR 0039). A browser that has signed in to the account before carries a device cookie, and its
/// failures count against that browser alone: five in 15 minutes lock that browser out for 15 minutes. Every other client
/// shares one count for the account: ten failures lock out clients the account has never used, for 15 minutes, while the
/// colleague's own browser still signs in. Counted by the email typed, whether or not an account has it, so the answer
/// says nothing about which emails exist. The counts are rows in the database (<see cref="SignInFailureCount"/>), each
/// changed by one statement: every server of a council counts together, and a restart forgets nothing.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock, IOptions<AccountSettings> settings)
{
    /// <summary>Whether a sign-in for this email from this client (its device id, if it has a trusted one) is locked out now.</summary>
    public async Task<bool> IsLockedAsync(string email, string? device, CancellationToken ct)
    {
        var key = Key(email, device);
        var now = Now;
        return await db.SignInFailureCounts.AnyAsync(c => c.Key == key && c.LockedUntilUtc > now, ct);
    }

    /// <summary>A wrong password: counts against the device, or against untrusted clients of the account.</summary>
    public async Task FailedAsync(string email, string? device, CancellationToken ct)
    {
        var key = Key(email, device);
        var now = Now;
        var limit = device is null ? settings.Value.UntrustedLockoutFailures : settings.Value.LockoutFailures;
        var window = TimeSpan.FromMinutes(settings.Value.LockoutMinutes);
        var windowStart = now - window;
        var lockUntil = now + window;

        // Counts whose window and lockout have both passed are forgotten (this one's too, so it starts again below).
        await db.SignInFailureCounts.Where(c => c.FirstFailureUtc <= windowStart && c.LockedUntilUtc <= now).ExecuteDeleteAsync(ct);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            // One statement adds the failure to a count already running, whichever server it was counted on.
            var counted = await db.SignInFailureCounts.Where(c => c.Key == key)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(c => c.Count, c => c.Count + 1)
                        .SetProperty(c => c.LockedUntilUtc, c => c.Count + 1 >= limit ? lockUntil : c.LockedUntilUtc),
                    ct);
            if (counted > 0)
            {
                return;
            }

            db.SignInFailureCounts.Add(new SignInFailureCount(key, now, limit <= 1 ? lockUntil : DateTime.MinValue));
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                // Another server counted the first failure at the same moment: add to its count instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The right password from this client: its own count starts again.</summary>
    public async Task SucceededAsync(string email, string? device, CancellationToken ct)
    {
        var key = Key(email, device);
        await db.SignInFailureCounts.Where(c => c.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>An administrator gave the account a new password: every count for it goes.</summary>
    public async Task ClearAsync(string email, CancellationToken ct)
    {
        var prefix = Hash(email) + "|";
        await db.SignInFailureCounts.Where(c => c.Key.StartsWith(prefix)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The email as it is counted and as the device cookie names it: a hash, so neither holds an address in clear.</summary>
    public static string Hash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Key(string email, string? device)
    {
        var key = $"{Hash(email)}|{device ?? "untrusted"}";
        return key.Length > SignInFailureCount.KeyLength ? key[..SignInFailureCount.KeyLength] : key;
    }
}
