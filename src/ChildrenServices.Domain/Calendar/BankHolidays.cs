namespace ChildrenServices.Domain.Calendar;

/// <summary>A bank holiday observed on <see cref="Date"/>; substitute days carry the holiday they stand in for.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// The England and Wales bank holidays that follow from the standing rules (Banking and Financial
/// Dealings Act 1971 plus the Royal Proclamations that have been issued every year since 1978).
/// One-off proclamations (jubilees, state funerals, moved holidays) cannot be derived from a rule and
/// live in <see cref="OneOffHolidays"/>; <see cref="WorkingDayCalendar"/> combines the two.
/// </summary>
public static class BankHolidays
{
    public const string NewYearsDay = "New Year's Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";

    private const string SubstituteSuffix = " (substitute day)";

    /// <summary>The rule-based bank holidays for <paramref name="year"/>, in date order.</summary>
    /// <remarks>
    /// Years before 1978 are computed with today's rules, which is not what was observed then; the
    /// system has no use for them, so they are not special-cased.
    /// </remarks>
    public static IReadOnlyList<BankHoliday> ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>(8)
        {
            NewYear(year),
            new(easter.AddDays(-2), GoodFriday),
            new(easter.AddDays(1), EasterMonday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            new(LastMonday(year, 8), Summer),
        };
        holidays.AddRange(ChristmasAndBoxingDay(year));
        return holidays;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (Anonymous Gregorian / Meeus–Jones–Butcher algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static BankHoliday NewYear(int year)
    {
        var date = new DateOnly(year, 1, 1);
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => new(date.AddDays(2), NewYearsDay + SubstituteSuffix),
            DayOfWeek.Sunday => new(date.AddDays(1), NewYearsDay + SubstituteSuffix),
            _ => new(date, NewYearsDay),
        };
    }

    private static IEnumerable<BankHoliday> ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        var boxing = christmas.AddDays(1);

        // When both days can't fall on their own dates the substitutes are taken in order, so the
        // Boxing Day that lands on Monday 26th keeps its name and Christmas moves to the Tuesday.
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                yield return new(christmas.AddDays(2), ChristmasDay + SubstituteSuffix);
                yield return new(christmas.AddDays(3), BoxingDay + SubstituteSuffix);
                break;
            case DayOfWeek.Sunday:
                yield return new(boxing, BoxingDay);
                yield return new(christmas.AddDays(2), ChristmasDay + SubstituteSuffix);
                break;
            case DayOfWeek.Friday:
                yield return new(christmas, ChristmasDay);
                yield return new(christmas.AddDays(3), BoxingDay + SubstituteSuffix);
                break;
            default:
                yield return new(christmas, ChristmasDay);
                yield return new(boxing, BoxingDay);
                break;
        }
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
