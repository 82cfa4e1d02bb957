using System.Diagnostics.CodeAnalysis;

namespace ChildrenServices.Domain.People;

/// <summary>
/// A person's NHS number: ten digits whose last digit is a modulus 11 check digit.
/// Held without spaces or hyphens so that two spellings of the same number compare equal.
/// </summary>
/// <remarks>
/// A sealed record rather than a struct so that no instance can exist without passing
/// validation (a struct's <c>default</c> would be an NHS number with no digits).
/// Issuing ranges are not checked on purpose: Scottish CHI numbers share the algorithm and
/// NHS test numbers (such as 943 476 5919) must pass in non-production environments.
/// </remarks>
public sealed record NhsNumber : IParsable<NhsNumber>
{
    private const int Length = 10;

    private NhsNumber(string value) => Value = value;

    /// <summary>The ten digits with no separators, for storage and comparison.</summary>
    public string Value { get; }

    /// <summary>The number as people read it out and expect to see it: "943 476 5919".</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public override string ToString() => Value;

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out NhsNumber? value)
    {
        value = null;
        if (!TryNormalise(input, out var digits) || digits.Length != Length)
        {
            return false;
        }

        if (CheckDigitFor(digits.AsSpan(0, Length - 1)) != digits[Length - 1] - '0')
        {
            return false;
        }

        // Every repeated-digit number (0000000000, 1111111111 … 9999999999) satisfies the
        // modulus 11 check, because d × (10+9+…+2) = 54d ≡ −d (mod 11) gives check digit d.
        // None is ever issued, and they are what people type as placeholders, so refuse them
        // rather than let a placeholder be matched against a real record.
        if (IsRepeatedDigit(digits))
        {
            return false;
        }

        value = new NhsNumber(digits);
        return true;
    }

    public static NhsNumber Parse(string input) =>
        TryParse(input, out var value)
            ? value
            : throw new FormatException(
                $"'{input}' is not a valid NHS number. An NHS number has 10 digits and its last digit must match the check digit.");

    /// <summary>
    /// Builds an NHS number from its first nine digits by appending the check digit, or returns
    /// <see langword="null"/> when those nine digits can never form a valid number (their check
    /// value is 10, or they would make a repeated-digit placeholder). Synthetic data generators
    /// can simply draw another nine digits when they get <see langword="null"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not exactly nine digits.</exception>
    public static NhsNumber? Create(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != Length - 1 || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(
                $"Expected the first 9 digits of an NHS number but got '{nineDigits}'.", nameof(nineDigits));
        }

        var check = CheckDigitFor(nineDigits);
        if (check is null)
        {
            return null;
        }

        var digits = nineDigits + (char)('0' + check.Value);
        return IsRepeatedDigit(digits) ? null : new NhsNumber(digits);
    }

    static NhsNumber IParsable<NhsNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<NhsNumber>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out NhsNumber result) =>
        TryParse(s, out result);

    /// <returns>The check digit 0–9, or <see langword="null"/> when the remainder makes it 10,
    /// which the NHS never issues.</returns>
    private static int? CheckDigitFor(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < firstNine.Length; i++)
        {
            sum += (firstNine[i] - '0') * (Length - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    private static bool TryNormalise(string? input, out string digits)
    {
        digits = string.Empty;
        if (input is null)
        {
            return false;
        }

        // People copy NHS numbers from letters as "943 476 5919" and from some systems as
        // "943-476-5919"; only those separators are forgiven, so a stray letter still fails.
        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            // ASCII only: char.IsDigit would let Arabic-Indic and other Unicode digits through.
            if (!char.IsAsciiDigit(c) || count == Length)
            {
                return false;
            }

            buffer[count++] = c;
        }

        digits = new string(buffer[..count]);
        return true;
    }

    private static bool IsRepeatedDigit(string digits) => digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0;
}
