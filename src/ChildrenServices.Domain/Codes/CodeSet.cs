namespace ChildrenServices.Domain.Codes;

/// <summary>
/// One value in a DfE code set, with the collection years it may be returned in.
/// </summary>
/// <remarks>
/// A collection year is the year the census year ends, as in the CIN census <c>Year</c> header
/// element: 2024 means 1 April 2023 to 31 March 2024. <see langword="null"/> means open-ended.
/// A code whose wording changed is held as two entries with the same <paramref name="Value"/> and
/// non-overlapping years, so historical returns are described as they were submitted.
/// </remarks>
public sealed record Code(string Value, string Description, int? ValidFromYear = null, int? ValidToYear = null)
{
    public string Value { get; } = string.IsNullOrWhiteSpace(Value)
        ? throw new ArgumentException("A code must have a value.", nameof(Value))
        : Value;

    public string Description { get; } = string.IsNullOrWhiteSpace(Description)
        ? throw new ArgumentException($"Code '{Value}' must have a description.", nameof(Description))
        : Description;

    public int? ValidToYear { get; } = ValidToYear < ValidFromYear
        ? throw new ArgumentException(
            $"Code '{Value}' cannot stop being valid in {ValidToYear} before it starts in {ValidFromYear}.",
            nameof(ValidToYear))
        : ValidToYear;

    /// <summary>
    /// Whether the code may be used in the given collection year; with no year, whether it is
    /// valid in at least one year (every code is).
    /// </summary>
    public bool IsValidIn(int? collectionYear) =>
        collectionYear is not { } year
        || ((ValidFromYear is null || year >= ValidFromYear) && (ValidToYear is null || year <= ValidToYear));
}

/// <summary>
/// A named, versioned list of codes, such as the CIN census ethnicity codes.
/// </summary>
/// <remarks>
/// Values compare case-sensitively (ordinal) because the DfE schemas enumerate them that way:
/// a return containing "wbri" fails validation, so the domain must not quietly accept it.
/// </remarks>
public sealed class CodeSet
{
    public CodeSet(string name, IEnumerable<Code> codes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(codes);
        Name = name;
        Codes = codes.ToArray();

        // Overlapping entries would make a lookup for a given year ambiguous, and that is a data
        // entry mistake in the code set, so catch it when the set is built rather than at use.
        foreach (var group in Codes.GroupBy(c => c.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(c => c.ValidFromYear ?? int.MinValue).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i - 1].ValidToYear is not { } previousEnd
                    || (ordered[i].ValidFromYear ?? int.MinValue) <= previousEnd)
                {
                    throw new ArgumentException(
                        $"Code '{group.Key}' appears more than once in the {name} code set with overlapping years.",
                        nameof(codes));
                }
            }
        }
    }

    public string Name { get; }

    /// <summary>Every entry, in the order the DfE lists them, including ones no longer in use.</summary>
    public IReadOnlyList<Code> Codes { get; }

    /// <summary>
    /// Whether <paramref name="value"/> is a code in this set, and, when a collection year is
    /// given, whether it may be returned in that year.
    /// </summary>
    public bool Contains(string value, int? collectionYear = null) => Find(value, collectionYear) is not null;

    /// <summary>
    /// The entry for <paramref name="value"/> valid in <paramref name="collectionYear"/>. With no
    /// year, the latest entry for the value, so current wording wins where wording has changed.
    /// </summary>
    public Code? Find(string value, int? collectionYear = null) =>
        Codes
            .Where(c => string.Equals(c.Value, value, StringComparison.Ordinal) && c.IsValidIn(collectionYear))
            .OrderByDescending(c => c.ValidToYear ?? int.MaxValue)
            .FirstOrDefault();

    /// <summary>The description of <paramref name="value"/>, as worded for the collection year if one is given.</summary>
    /// <exception cref="KeyNotFoundException">The value is not in the set (for that year). Use
    /// <see cref="Find"/> where an unknown code is expected, such as imported history.</exception>
    public string DescriptionOf(string value, int? collectionYear = null) =>
        Find(value, collectionYear)?.Description
        ?? throw new KeyNotFoundException(collectionYear is { } year
            ? $"'{value}' is not a code in the {Name} code set for the {year} collection."
            : $"'{value}' is not a code in the {Name} code set.");

    public override string ToString() => Name;
}
