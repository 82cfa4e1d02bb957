namespace ChildrenServices.Domain.People;

/// <summary>
/// The local child identifier the DfE returns use (LAchildID in the CIN census, CHILD in SSDA903): the number the
/// council's sequence gave, written in digits. The first is 100001, so identifiers read alike for the first 900,000.
/// </summary>
public static class LocalIdentifier
{
    public const long First = 100_001;

    public const int MaxLength = 20;

    public static string Format(long number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>CIN rules 1570 (at most 20 characters) and 1580 (letters and digits only).</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(char.IsAsciiLetterOrDigit);
}
