using System.Diagnostics.CodeAnalysis;

namespace ChildrenServices.Domain.People;

/// <summary>
/// A DfE unique pupil number (UPN): a check letter, a 3-digit LA code, a 4-digit establishment
/// number, the 2-digit year of allocation and a 3-character serial. A temporary UPN has a letter
/// as its 13th character.
/// </summary>
/// <remarks>
/// The check letter rule is the one the CIN census validates as rule 1510. Whether characters 2–4
/// are a recognised LA code (rule 1530) is not checked here: the LA code list changes with local
/// government reorganisation, so it belongs with the census validation reference data, not in the
/// identifier itself.
/// </remarks>
public sealed record UniquePupilNumber : IParsable<UniquePupilNumber>
{
    private const int Length = 13;

    // The DfE alphabet for both the check letter and a temporary UPN's 13th character. I, O and S
    // are left out because they are too easily read as 1, 0 and 5; a letter's value is its index.
    private const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private UniquePupilNumber(string value) => Value = value;

    /// <summary>The 13 characters in upper case.</summary>
    public string Value { get; }

    /// <summary>Characters 2–4: the code of the LA that allocated the number.</summary>
    public string LaCode => Value[1..4];

    /// <summary>Characters 5–8: the DfE establishment number of the allocating school.</summary>
    public string EstablishmentNumber => Value[4..8];

    /// <summary>Characters 9–10: the last two digits of the year of allocation.</summary>
    public string YearOfAllocation => Value[8..10];

    /// <summary>Characters 11–13: the serial number within the school and year.</summary>
    public string Serial => Value[10..];

    /// <summary>
    /// A temporary UPN (13th character a letter) is an interim measure until the permanent UPN
    /// is known, so a record holding one should be chased up rather than trusted for matching.
    /// </summary>
    public bool IsTemporary => char.IsAsciiLetter(Value[Length - 1]);

    public override string ToString() => Value;

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out UniquePupilNumber? value)
    {
        value = null;
        if (input is null)
        {
            return false;
        }

        // The CIN schema accepts lower-case letters ([A-Za-z]), so the same UPN may arrive in
        // either case; upper case is the canonical form so that equality means the same pupil.
        var candidate = input.Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            return false;
        }

        var body = candidate.AsSpan(1);
        if (!IsWellFormedBody(body) || CheckLetterOf(body) != candidate[0])
        {
            return false;
        }

        value = new UniquePupilNumber(candidate);
        return true;
    }

    public static UniquePupilNumber Parse(string input) =>
        TryParse(input, out var value)
            ? value
            : throw new FormatException(
                $"'{input}' is not a valid unique pupil number. A UPN has 13 characters: a check letter, 11 digits, "
                + "then a digit or (for a temporary UPN) a letter, and the first letter must match the check letter.");

    /// <summary>
    /// Builds a UPN from characters 2–13 by prefixing the check letter they call for.
    /// Every well-formed body has a check letter, so this never fails for valid input.
    /// </summary>
    /// <exception cref="ArgumentException">The body is not 11 digits followed by a digit or an allowed letter.</exception>
    public static UniquePupilNumber Create(string twelveCharacterBody) =>
        new(CheckLetterFor(twelveCharacterBody) + twelveCharacterBody.ToUpperInvariant());

    /// <summary>The check letter (character 1) for characters 2–13 of a UPN.</summary>
    /// <exception cref="ArgumentException">The body is not 11 digits followed by a digit or an allowed letter.</exception>
    public static char CheckLetterFor(string twelveCharacterBody)
    {
        ArgumentNullException.ThrowIfNull(twelveCharacterBody);
        var body = twelveCharacterBody.ToUpperInvariant();
        if (body.Length != Length - 1 || !IsWellFormedBody(body))
        {
            throw new ArgumentException(
                $"Expected characters 2 to 13 of a UPN (11 digits, then a digit or a letter other than I, O or S) but got '{twelveCharacterBody}'.",
                nameof(twelveCharacterBody));
        }

        return CheckLetterOf(body);
    }

    static UniquePupilNumber IParsable<UniquePupilNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<UniquePupilNumber>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out UniquePupilNumber result) =>
        TryParse(s, out result);

    /// <summary>Characters 2–12 digits; character 13 a digit or a letter from the DfE alphabet.</summary>
    private static bool IsWellFormedBody(ReadOnlySpan<char> body)
    {
        foreach (var c in body[..^1])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        var last = body[^1];
        return char.IsAsciiDigit(last) || Alphabet.Contains(last);
    }

    // Each character's weight is its position in the full UPN (2 to 13), and the sum mod 23
    // indexes the alphabet. Assumes the body is well formed.
    private static char CheckLetterOf(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var characterValue = char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c);
            sum += characterValue * (i + 2);
        }

        return Alphabet[sum % Alphabet.Length];
    }
}
