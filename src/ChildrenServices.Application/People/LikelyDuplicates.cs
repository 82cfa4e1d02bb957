using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// People who are probably the one about to be created: the same NHS number, or the same date of
/// birth with the same or a similar name (any name they have been known by). Shown before saving.
/// </summary>
public static class FindLikelyDuplicates
{
    [RequiresPermission(Permission.SearchPeople)]
    public sealed record Query(string? GivenNames, string? FamilyName, DateOnly? DateOfBirth, string? NhsNumber) : IQuery<IReadOnlyList<Candidate>>;

    public sealed record Candidate(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber, string Reason);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.GivenNames).MaximumLength(PersonRules.MaxNameLength);
            RuleFor(q => q.FamilyName).MaximumLength(PersonRules.MaxNameLength);
        }
    }

    public sealed class Handler(DuplicateFinder finder) : IQueryHandler<Query, IReadOnlyList<Candidate>>
    {
        public async ValueTask<IReadOnlyList<Candidate>> Handle(Query query, CancellationToken cancellationToken) =>
            await finder.FindAsync(query.GivenNames, query.FamilyName, query.DateOfBirth, query.NhsNumber, cancellationToken);
    }
}

public sealed class DuplicateFinder(IAppDbContext db, RecordAccess access)
{
    public async Task<IReadOnlyList<FindLikelyDuplicates.Candidate>> FindAsync(
        string? givenNames, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken ct)
    {
        var results = new Dictionary<Guid, FindLikelyDuplicates.Candidate>();
        var visible = access.Visible(db.People);

        if (!string.IsNullOrWhiteSpace(nhsNumber) && NhsNumber.TryParse(nhsNumber, out var nhs))
        {
            var sameNhs = await visible.Where(p => p.NhsNumber == nhs.Value)
                .Select(p => new FindLikelyDuplicates.Candidate(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.NhsNumber, "Same NHS number"))
                .ToListAsync(ct);
            foreach (var c in sameNhs)
            {
                results[c.Id] = c;
            }
        }

        if (dateOfBirth is { } dob && !string.IsNullOrWhiteSpace(familyName + givenNames))
        {
            var given = NameNormaliser.Normalise(givenNames);
            var family = NameNormaliser.Normalise(familyName);
            var sameDob = await visible.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob)
                .Select(p => new { p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.NhsNumber, Names = p.Names.Select(n => n.SearchText).ToList() })
                .ToListAsync(ct);

            foreach (var p in sameDob.Where(p => !results.ContainsKey(p.Id)))
            {
                var reason = p.Names.Select(n => Similarity(n, given, family)).Where(r => r is not null).FirstOrDefault();
                if (reason is not null)
                {
                    results[p.Id] = new FindLikelyDuplicates.Candidate(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.NhsNumber, reason);
                }
            }
        }

        return [.. results.Values.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenNames)];
    }

    /// <summary>Why the stored name looks like the new one, or null when it does not.</summary>
    public static string? Similarity(string storedSearchText, string given, string family)
    {
        var wanted = $"{given} {family}".Trim();
        if (storedSearchText == wanted)
        {
            return "Same name and date of birth";
        }

        var storedParts = storedSearchText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (storedParts.Length == 0)
        {
            return null;
        }

        var storedFamily = storedParts[^1];
        var storedGiven = storedParts[0];
        var firstGiven = given.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

        var familyClose = family.Length > 0 && Distance(storedFamily, family) <= (family.Length > 5 ? 2 : 1);
        var givenClose = firstGiven.Length > 0 && (Distance(storedGiven, firstGiven) <= 1 || storedGiven.StartsWith(firstGiven, StringComparison.Ordinal) || firstGiven.StartsWith(storedGiven, StringComparison.Ordinal));

        // Twins share a family name and date of birth, so a family-name match alone is not enough.
        return (familyClose && givenClose) || Distance(storedSearchText, wanted) <= 3
            ? "Similar name and same date of birth"
            : null;
    }

    /// <summary>Levenshtein distance: catches typing slips such as "Jonhson" for "Johnson".</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
