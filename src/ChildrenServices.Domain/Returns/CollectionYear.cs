using System.Globalization;

namespace ChildrenServices.Domain.Returns;

/// <summary>
/// A DfE collection year: 1 April to 31 March, named by the year it starts in ("2025/26"). The CIN census header's
/// <c>Year</c> is the year it ends (2026) and its <c>ReferenceDate</c> the last day, 31 March (rule 100); code sets
/// (<see cref="Codes.Code"/>) are dated the same way, by the year the collection ends.
/// </summary>
public readonly record struct CollectionYear
{
    /// <summary>The first collection year the returns are made for, and the last a person may choose.</summary>
    public const int Earliest = 2024, Latest = 2099;

    public CollectionYear(int startYear)
    {
        if (startYear is < Earliest or > Latest)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, $"A collection year starts in {Earliest} to {Latest}.");
        }

        StartYear = startYear;
    }

    public int StartYear { get; }

    /// <summary>1 April.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March: the census's reference date.</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>The year the collection ends, as in the census header's <c>Year</c> and the code sets' years.</summary>
    public int EndYear => StartYear + 1;

    /// <summary>"2025/26".</summary>
    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";

    /// <summary>"2025-26", for file names and addresses.</summary>
    public string Slug => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The collection year a date falls in.</summary>
    public static CollectionYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Reads "2025", "2025/26" or "2025-26" (the second year must follow the first); false for anything else.</summary>
    public static bool TryParse(string? text, out CollectionYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/', '-');
        if (parts.Length is < 1 or > 2
            || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || start is < Earliest or > Latest)
        {
            return false;
        }

        if (parts.Length == 2
            && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end != (start + 1) % 100))
        {
            return false;
        }

        year = new CollectionYear(start);
        return true;
    }

    public override string ToString() => Label;
}
