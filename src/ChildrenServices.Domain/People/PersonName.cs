using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

public enum NameKind
{
    Current = 0,
    Previous = 1,
    Alias = 2,
}

/// <summary>
/// Every name a person is or was known by. The current name is kept here too, so that search
/// looks in one place for current, previous and alias names alike.
/// </summary>
public sealed class PersonName : IPartOf<Person>
{
    private PersonName()
    {
        GivenNames = string.Empty;
        FamilyName = string.Empty;
        SearchText = string.Empty;
    }

    internal PersonName(Guid personId, NameKind kind, string givenNames, string familyName, DateOnly? usedUntil)
    {
        PersonId = personId;
        Kind = kind;
        GivenNames = givenNames.Trim();
        FamilyName = familyName.Trim();
        UsedUntil = usedUntil;
        SearchText = NameNormaliser.Normalise($"{GivenNames} {FamilyName}");
        ComputeMatchKeys();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    Guid IPartOf.RootId => PersonId;

    public NameKind Kind { get; private set; }

    public string GivenNames { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly? UsedUntil { get; private set; }

    /// <summary>Normalised "given family" for case- and accent-insensitive partial search.</summary>
    public string SearchText { get; private set; }

    /// <summary>Soundex of the first given name: the duplicate check finds "Finley" from "Finlay".</summary>
    public string? GivenKey { get; private set; }

    /// <summary>Soundex of the first part of the family name ("Smith" of "Smith-Jones").</summary>
    public string? FamilyKey { get; private set; }

    /// <summary>Soundex of the last part of a double-barrelled or hyphenated family name ("Jones" of "Smith-Jones").</summary>
    public string? FamilyLastKey { get; private set; }

    public string FullName => $"{GivenNames} {FamilyName}";

    /// <summary>
    /// The stored keys the duplicate check queries by. Computed whenever the name is made; rows saved
    /// before the keys existed are keyed at start-up (true when this call filled them).
    /// </summary>
    public bool ComputeMatchKeys()
    {
        var given = NameNormaliser.Normalise(GivenNames).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var family = NameNormaliser.Normalise(FamilyName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var givenKey = given.Length > 0 ? Soundex.Encode(given[0]) : string.Empty;
        var familyKey = family.Length > 0 ? Soundex.Encode(family[0]) : string.Empty;
        var lastKey = family.Length > 0 ? Soundex.Encode(family[^1]) : string.Empty;
        var changed = GivenKey != givenKey || FamilyKey != familyKey || FamilyLastKey != lastKey;
        GivenKey = givenKey;
        FamilyKey = familyKey;
        FamilyLastKey = lastKey;
        return changed;
    }

    /// <summary>Normalised parts of the family name, for matching each part of a double-barrelled name.</summary>
    public static IReadOnlyList<string> FamilyParts(string? familyName) =>
        NameNormaliser.Normalise(familyName).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    internal void Demote(NameKind kind, DateOnly? usedUntil)
    {
        Kind = kind;
        UsedUntil = usedUntil;
    }
}
