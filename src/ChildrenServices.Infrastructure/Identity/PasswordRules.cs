using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Identity;

/// <summary>
/// The list of passwords known from breaches, read once from the file the build copies out of the npm package
/// @zxcvbn-ts/language-common (49,000 passwords ordered by how often breaches held them; docs/security.md). Offline:
/// no password, nor any part of its hash, leaves the machine.
/// </summary>
public sealed class BreachedPasswords
{
    private readonly HashSet<string> passwords;

    public BreachedPasswords(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The breached-password list is missing ({file}). The build copies it from the npm package @zxcvbn-ts/language-common: build the web project.");
        }

        using var stream = File.OpenRead(file);
        var words = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        passwords = new HashSet<string>(words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0), StringComparer.Ordinal);
        if (passwords.Count < 10_000)
        {
            throw new InvalidOperationException($"The breached-password list ({file}) holds {passwords.Count} passwords: expected the package's 49,000.");
        }
    }

    public int Count => passwords.Count;

    /// <summary>
    /// The password itself is on the list, or is a listed password with only digits and symbols around it
    /// ("summer2026!", "123monkey123"), the way people pad a common word to a required length.
    /// </summary>
    public bool Contains(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (passwords.Contains(lower))
        {
            return true;
        }

        var core = lower.Trim(Padding);
        return core.Length > 0 && core.Length < lower.Length && passwords.Contains(core);
    }

    private static readonly char[] Padding = [.. "0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\|`¬ "];
}

/// <summary>
/// What a password may not be, beyond its length (12 or more, no composition rules: Identity's options): common or
/// breached, or containing the holder's name or email (ASVS 5.0 V6.2).
/// </summary>
public sealed class PasswordRules(BreachedPasswords breached, Persistence.AppDbContext db) : IPasswordValidator<AppUser>
{
    public const string Breached = "PasswordBreached";
    public const string Personal = "PasswordPersonal";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        if (breached.Contains(password))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = Breached,
                Description = "This password is too common: it appears in lists of passwords known from data breaches. Choose a different password",
            });
        }

        var name = user.NameForPasswordCheck
            ?? await db.Staff.Where(s => s.Id == user.Id).Select(s => s.DisplayName).SingleOrDefaultAsync();
        if (ContainsPersonal(password, user.Email, name))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = Personal,
                Description = "The password must not contain your name or email address",
            });
        }

        return IdentityResult.Success;
    }

    /// <summary>
    /// The email's part before the @, or any word of three letters or more of it or of the name, appears in the
    /// password whatever its case. The council's domain is left out: everyone shares it.
    /// </summary>
    public static bool ContainsPersonal(string password, string? email, string? name)
    {
        var lower = password.ToLowerInvariant();
        var local = email?.Split('@')[0].ToLowerInvariant() ?? "";
        IEnumerable<string> parts = [local, .. Words(local), .. Words(name?.ToLowerInvariant() ?? "")];
        return parts.Any(p => p.Length >= 3 && lower.Contains(p, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '.', '_', '-', '+', '\'', ','], StringSplitOptions.RemoveEmptyEntries);
}
