using ChildrenServices.Domain.People;
using F23.StringSimilarity;

namespace ChildrenServices.Application.People;

/// <summary>How a stored date of birth relates to the one typed.</summary>
public enum BirthDateMatch
{
    None = 0,
    SameYear,
    DayAndMonthSwapped,
    OneDayOut,
    Same,
}

/// <summary>
/// The ranking half of the duplicate check (the database finds candidates by stored phonetic key and
/// date-of-birth variants; this decides which are likely the same person, and why). Edit distance and
/// Jaro-Winkler come from F23.StringSimilarity; the phonetic key is <see cref="Soundex"/>.
/// </summary>
public static class NameMatching
{
    private static readonly Damerau Damerau = new();
    private static readonly JaroWinkler JaroWinkler = new();

    /// <summary>The dates a mistyped date of birth is likely to be: the day either side, and day and month swapped.</summary>
    public static IReadOnlyList<DateOnly> CloseDates(DateOnly dob)
    {
        var dates = new List<DateOnly> { dob, dob.AddDays(-1), dob.AddDays(1) };
        if (dob.Day <= 12 && dob.Day != dob.Month)
        {
            dates.Add(new DateOnly(dob.Year, dob.Day, Math.Min(dob.Month, DateTime.DaysInMonth(dob.Year, dob.Day))));
        }

        return dates;
    }

    public static BirthDateMatch CompareDates(DateOnly? stored, DateOnly wanted)
    {
        if (stored is not { } s)
        {
            return BirthDateMatch.None;
        }

        if (s == wanted)
        {
            return BirthDateMatch.Same;
        }

        if (Math.Abs(s.DayNumber - wanted.DayNumber) == 1)
        {
            return BirthDateMatch.OneDayOut;
        }

        if (s.Year == wanted.Year && s.Month == wanted.Day && s.Day == wanted.Month)
        {
            return BirthDateMatch.DayAndMonthSwapped;
        }

        return s.Year == wanted.Year ? BirthDateMatch.SameYear : BirthDateMatch.None;
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one slip ("Jonhson").</summary>
    public static int Distance(string a, string b) => (int)Damerau.Distance(a, b);

    /// <summary>How alike two normalised words are, 0–1 (Jaro-Winkler: slips near the start count most).</summary>
    public static double Likeness(string a, string b) => a.Length == 0 || b.Length == 0 ? 0 : JaroWinkler.Similarity(a, b);

    /// <summary>A first name the practitioner may have typed for the stored one: a slip, a spelling that sounds the same, or a short form.</summary>
    public static bool GivenNameClose(string stored, string wanted, bool strict)
    {
        if (stored.Length == 0 || wanted.Length == 0)
        {
            return false;
        }

        if (stored == wanted)
        {
            return true;
        }

        var soundsAlike = Soundex.Encode(stored) == Soundex.Encode(wanted) && Likeness(stored, wanted) >= 0.8;
        var slip = Distance(stored, wanted) <= (Math.Min(stored.Length, wanted.Length) > 5 ? 2 : 1);
        var shortForm = Math.Min(stored.Length, wanted.Length) >= 3
            && (stored.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(stored, StringComparison.Ordinal));
        return strict ? soundsAlike || Distance(stored, wanted) <= 1 : soundsAlike || slip || shortForm;
    }

    /// <summary>
    /// The family names agree: the whole name, or any part of a double-barrelled or hyphenated name against any
    /// part of the other ("Smith" for "Smith-Jones"), by a slip or a spelling that sounds the same.
    /// </summary>
    public static bool FamilyNameClose(string stored, string wanted)
    {
        if (stored.Length == 0 || wanted.Length == 0)
        {
            return false;
        }

        if (stored == wanted || Distance(stored.Replace(" ", string.Empty, StringComparison.Ordinal), wanted.Replace(" ", string.Empty, StringComparison.Ordinal)) <= (wanted.Length > 5 ? 2 : 1))
        {
            return true;
        }

        var storedParts = stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wantedParts = wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return storedParts.Any(s => wantedParts.Any(w => PartClose(s, w)));
    }

    private static bool PartClose(string a, string b) =>
        a == b
        || (Math.Min(a.Length, b.Length) >= 3 && Distance(a, b) <= (Math.Min(a.Length, b.Length) > 5 ? 2 : 1))
        || (Soundex.Encode(a) == Soundex.Encode(b) && Likeness(a, b) >= 0.85);

    /// <summary>
    /// Why the stored name (any name the person has been known by) and date of birth look like the ones typed,
    /// or null when they do not. Names are normalised (<see cref="NameNormaliser"/>).
    /// </summary>
    public static string? Reason(string storedGiven, string storedFamily, NameKind kind, BirthDateMatch dates, string wantedGiven, string wantedFamily)
    {
        if (dates == BirthDateMatch.None || wantedFamily.Length == 0)
        {
            return null;
        }

        var storedFirst = storedGiven.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var wantedFirst = wantedGiven.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var sameName = storedGiven == wantedGiven && storedFamily == wantedFamily;

        // Twins share a family name and a date of birth, so a family name alone is never enough. The looser the
        // date, the closer the name has to be: born the same year needs both names to agree strictly.
        var familyClose = FamilyNameClose(storedFamily, wantedFamily);
        var givenClose = GivenNameClose(storedFirst, wantedFirst, strict: dates == BirthDateMatch.SameYear);
        var wholeClose = dates == BirthDateMatch.Same && Distance($"{storedGiven} {storedFamily}", $"{wantedGiven} {wantedFamily}") <= 3;
        if (!sameName && !(familyClose && givenClose) && !wholeClose)
        {
            return null;
        }

        var name = (sameName, kind) switch
        {
            (true, NameKind.Current) => "Same name",
            (true, _) => "Same name as a previous name",
            (false, NameKind.Current) => "Similar name",
            _ => "Similar to a previous name",
        };

        return dates switch
        {
            BirthDateMatch.Same => $"{name} and same date of birth",
            BirthDateMatch.OneDayOut => $"{name}, date of birth one day out",
            BirthDateMatch.DayAndMonthSwapped => $"{name}, day and month of birth swapped",
            _ => $"{name}, born the same year",
        };
    }
}
