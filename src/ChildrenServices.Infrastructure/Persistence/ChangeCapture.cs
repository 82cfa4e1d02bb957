using System.Globalization;
using ChildrenServices.Application;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChildrenServices.Infrastructure.Persistence;

/// <summary>
/// The before and after of an administrative change (issue 15), read from EF Core's change tracker at each save, since
/// Identity saves roles part-way through a use case. Secrets and stamps are never kept; a role is named, not numbered.
/// </summary>
internal static class ChangeCapture
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        "Version", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "LastAuthenticatorStep",

        // Who and when are the audit row's own; these only repeat it.
        "CreatedAtUtc", "UpdatedAtUtc", "UpdatedById", "UpdatedByName",

        // Identity's bookkeeping, not a decision anyone made.
        nameof(IdentityUser.AccessFailedCount), nameof(IdentityUser.EmailConfirmed), nameof(IdentityUser.PhoneNumber),
        nameof(IdentityUser.PhoneNumberConfirmed), nameof(IdentityUser.LockoutEnabled),
    };

    /// <summary>Records named as an administrator knows them.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["AppUser"] = "Account", ["StaffMember"] = "Colleague", ["TeamMember"] = "Team membership",
        ["LocalTimescales"] = "Local timescales", ["ReturnSettings"] = "Return settings", ["CaseWeights"] = "Case weights",
    };

    private static readonly HashSet<Type> Ignored =
    [
        typeof(IdentityUserToken<Guid>), typeof(IdentityUserLogin<Guid>), typeof(Security.SignInSession),
        typeof(Domain.Audit.AuditEntry), typeof(Domain.Notifications.Notification),
    ];

    public static IEnumerable<AuditedChange> Describe(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Ignored.Contains(e.Metadata.ClrType))
            .Select(e => Describe(db, e))
            .Where(c => c.Values.Count > 0 || c.Change != "changed")
            .ToList();

    private static AuditedChange Describe(DbContext db, EntityEntry entry)
    {
        var change = entry.State switch { EntityState.Added => "added", EntityState.Deleted => "removed", _ => "changed" };
        if (entry.Entity is IdentityUserRole<Guid> role)
        {
            var name = db.Set<IdentityRole<Guid>>().Local.FirstOrDefault(r => r.Id == role.RoleId)?.Name ?? role.RoleId.ToString();
            return new AuditedChange("User role", role.UserId.ToString(), change,
                new Dictionary<string, string?[]> { ["Role"] = entry.State == EntityState.Deleted ? [name, null] : [null, name] });
        }

        var values = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => !Secret.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty()))
        {
            var before = entry.State == EntityState.Added ? null : Text(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Text(property.CurrentValue);
            var kept = entry.State switch
            {
                EntityState.Modified => property.IsModified && before != after,
                EntityState.Added => after is not null,
                _ => before is not null,
            };
            if (kept)
            {
                values[property.Metadata.Name] = [before, after];
            }
        }

        var key = string.Join("/", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)) ?? []);
        var record = entry.Metadata.ClrType.Name;
        return new AuditedChange(Names.GetValueOrDefault(record, record), key, change, values);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
