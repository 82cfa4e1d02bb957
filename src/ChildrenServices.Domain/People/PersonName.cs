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
public sealed class PersonName
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
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    public NameKind Kind { get; private set; }

    public string GivenNames { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly? UsedUntil { get; private set; }

    /// <summary>Normalised "given family" for case- and accent-insensitive partial search.</summary>
    public string SearchText { get; private set; }

    public string FullName => $"{GivenNames} {FamilyName}";

    internal void Demote(NameKind kind, DateOnly? usedUntil)
    {
        Kind = kind;
        UsedUntil = usedUntil;
    }
}
