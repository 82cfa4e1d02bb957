using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins counted so guessing is stopped without letting anyone lock a colleague out at will (OWASP's
/// "device cookie" scheme; ADR 0039). A browser that has signed in to the account before carries a device cookie, and its
/// failures count against that browser alone: five in 15 minutes lock that browser out for 15 minutes. Every other client
/// shares one count for the account: ten failures lock out clients the account has never used, for 15 minutes, while the
/// colleague's own browser still signs in. Counted by the email typed, whether or not an account has it, so the answer
/// says nothing about which emails exist. Held in memory: a restart forgets the counts (a second server counts its own).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<AccountSettings> settings)
{
    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    /// <summary>Whether a sign-in for this email from this client (its device id, if it has a trusted one) is locked out now.</summary>
    public bool IsLocked(string email, string? device) =>
        counters.TryGetValue(Key(email, device), out var counter) && counter.LockedUntil > clock.GetUtcNow();

    /// <summary>A wrong password: counts against the device, or against untrusted clients of the account.</summary>
    public void Failed(string email, string? device)
    {
        var now = clock.GetUtcNow();
        var limit = device is null ? settings.Value.UntrustedLockoutFailures : settings.Value.LockoutFailures;
        var window = TimeSpan.FromMinutes(settings.Value.LockoutMinutes);
        counters.AddOrUpdate(
            Key(email, device),
            _ => new Counter(1, now, DateTimeOffset.MinValue),
            (_, c) =>
            {
                var fresh = now - c.FirstFailure > window ? new Counter(0, now, DateTimeOffset.MinValue) : c;
                var count = fresh.Count + 1;
                return fresh with { Count = count, LockedUntil = count >= limit ? now + window : fresh.LockedUntil };
            });
        Prune(now);
    }

    /// <summary>The right password from this client: its own count starts again.</summary>
    public void Succeeded(string email, string? device) => counters.TryRemove(Key(email, device), out _);

    /// <summary>An administrator gave the account a new password: every count for it goes.</summary>
    public void Clear(string email)
    {
        var prefix = Hash(email) + "|";
        foreach (var key in counters.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            counters.TryRemove(key, out _);
        }
    }

    /// <summary>The email as it is counted and as the device cookie names it: a hash, so neither holds an address in clear.</summary>
    public static string Hash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];

    private static string Key(string email, string? device) => $"{Hash(email)}|{device ?? "untrusted"}";

    private void Prune(DateTimeOffset now)
    {
        if (counters.Count < 10_000)
        {
            return;
        }

        var window = TimeSpan.FromMinutes(settings.Value.LockoutMinutes);
        foreach (var (key, counter) in counters)
        {
            if (now - counter.FirstFailure > window && counter.LockedUntil < now)
            {
                counters.TryRemove(key, out _);
            }
        }
    }

    private sealed record Counter(int Count, DateTimeOffset FirstFailure, DateTimeOffset LockedUntil);
}
