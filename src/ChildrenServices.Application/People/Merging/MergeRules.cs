using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

internal static partial class MergeRules
{
    /// <summary>
    /// One of the two records, refused as not found (404) when the user may not know it exists: the record-access
    /// rule, except that a tombstone is found when <paramref name="includeMerged"/> (undoing a merge).
    /// </summary>
    public static async Task<MergeParty> PartyAsync(IAppDbContext db, ICurrentUser user, Guid id, CancellationToken ct, bool includeMerged = false)
    {
        var userId = user.UserId ?? Guid.Empty;
        var people = db.People.Where(p => p.Id == id && (p.Restriction == null || p.RestrictionGrants.Any(g => g.UserId == userId)));
        if (!includeMerged)
        {
            people = people.Where(p => p.MergedIntoId == null);
        }

        return await people
            .Select(p => new MergeParty(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.NhsNumber, p.Type, p.Restriction != null, p.Version))
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Page not found");
    }

    /// <summary>Why these two records cannot be merged, or null.</summary>
    public static async Task<string?> RefusalAsync(IAppDbContext db, MergeParty survivor, MergeParty merged, CancellationToken ct)
    {
        if (survivor.Id == merged.Id)
        {
            return "Select two different records to merge";
        }

        if (survivor.Type != merged.Type)
        {
            return "A child's record can only be merged with another child's record, and an adult's with an adult's";
        }

        if (merged.IsRestricted)
        {
            // Nobody may find the merged record's history through the survivor who could not find it before.
            var mergedAllowed = await db.People.Where(p => p.Id == merged.Id).SelectMany(p => p.RestrictionGrants.Select(g => g.UserId)).ToListAsync(ct);
            var survivorAllowed = await db.People.Where(p => p.Id == survivor.Id).SelectMany(p => p.RestrictionGrants.Select(g => g.UserId)).ToListAsync(ct);
            if (!survivor.IsRestricted || survivorAllowed.Except(mergedAllowed).Any())
            {
                return $"{merged.FullName}'s record is restricted. Keep it as the record to merge into, or restrict the other record to the same people first";
            }
        }

        return null;
    }

    public static string Describe(PersonReference reference) => reference.Entity.ClrType.Name switch
    {
        nameof(PersonName) => "Names",
        nameof(Address) => "Addresses",
        nameof(RestrictionGrant) => "People allowed to see a restricted record",
        _ => Sentence(reference.Entity.ClrType.Name) + (reference.Property.Name.StartsWith("Related", StringComparison.Ordinal) ? " (as the other person)" : string.Empty),
    };

    private static string Sentence(string typeName)
    {
        var words = Words().Replace(typeName, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..] + "s";
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
