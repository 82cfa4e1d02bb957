using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Finds likely duplicates without reading everyone: the database returns candidates by NHS number, by
/// date of birth close to the one typed (the day either side, day and month swapped), or born the same year
/// with a stored phonetic key matching the first given name and a part of the family name; then
/// <see cref="NameMatching"/> ranks them in memory. Every name a person has been known by is compared.
/// Merged (tombstone) and restricted records the user may not see are never candidates (<see cref="RecordAccess.Visible"/>).
/// </summary>
public sealed class DuplicateFinder(IAppDbContext db, RecordAccess access)
{
    /// <summary>More than this many candidates for one date is not a typing slip: the ranking still runs, on the first ones.</summary>
    private const int MaxCandidates = 500;

    public async Task<IReadOnlyList<FindLikelyDuplicates.Candidate>> FindAsync(
        string? givenNames, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken ct)
    {
        var results = new Dictionary<Guid, (FindLikelyDuplicates.Candidate Candidate, int Rank)>();
        var visible = access.Visible(db.People);

        if (!string.IsNullOrWhiteSpace(nhsNumber) && NhsNumber.TryParse(nhsNumber, out var nhs))
        {
            var sameNhs = await visible.Where(p => p.NhsNumber == nhs.Value)
                .Select(p => new FindLikelyDuplicates.Candidate(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.NhsNumber, "Same NHS number"))
                .ToListAsync(ct);
            foreach (var c in sameNhs)
            {
                results[c.Id] = (c, 10);
            }
        }

        var given = NameNormaliser.Normalise(givenNames);
        var family = NameNormaliser.Normalise(familyName);
        if (dateOfBirth is { } dob && family.Length > 0)
        {
            var close = NameMatching.CloseDates(dob).ToList();
            var yearStart = new DateOnly(dob.Year, 1, 1);
            var yearEnd = new DateOnly(dob.Year, 12, 31);
            var givenKey = Soundex.Encode(given.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
            var familyKeys = PersonName.FamilyParts(family).Select(Soundex.Encode).Where(k => k.Length > 0).Distinct().ToList();

            var candidates = await visible
                .Where(p => (p.DateOfBirth != null && close.Contains(p.DateOfBirth.Value))
                    || (p.ExpectedDateOfBirth != null && close.Contains(p.ExpectedDateOfBirth.Value))
                    || (((p.DateOfBirth >= yearStart && p.DateOfBirth <= yearEnd) || (p.ExpectedDateOfBirth >= yearStart && p.ExpectedDateOfBirth <= yearEnd))
                        && p.Names.Any(n => n.GivenKey == givenKey && (familyKeys.Contains(n.FamilyKey!) || familyKeys.Contains(n.FamilyLastKey!)))))
                .OrderBy(p => p.Id)
                .Take(MaxCandidates)
                .Select(p => new
                {
                    p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.NhsNumber,
                    Names = p.Names.Select(n => new { n.GivenNames, n.FamilyName, n.Kind }).ToList(),
                })
                .ToListAsync(ct);

            foreach (var p in candidates.Where(p => !results.ContainsKey(p.Id)))
            {
                var dates = (BirthDateMatch)Math.Max((int)NameMatching.CompareDates(p.DateOfBirth, dob), (int)NameMatching.CompareDates(p.ExpectedDateOfBirth, dob));
                // The name that agrees best says why: the same name (even a previous one) before a similar current one.
                var reason = p.Names
                    .Select(n => (Given: NameNormaliser.Normalise(n.GivenNames), Family: NameNormaliser.Normalise(n.FamilyName), n.Kind))
                    .OrderByDescending(n => n.Given == given && n.Family == family)
                    .ThenBy(n => n.Kind)
                    .Select(n => NameMatching.Reason(n.Given, n.Family, n.Kind, dates, given, family))
                    .FirstOrDefault(r => r is not null);
                if (reason is not null)
                {
                    results[p.Id] = (new FindLikelyDuplicates.Candidate(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.NhsNumber, reason), (int)dates);
                }
            }
        }

        return [.. results.Values.OrderByDescending(r => r.Rank).ThenBy(r => r.Candidate.FamilyName).ThenBy(r => r.Candidate.GivenNames).Select(r => r.Candidate)];
    }
}
