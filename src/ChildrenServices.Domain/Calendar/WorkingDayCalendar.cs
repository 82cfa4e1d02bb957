using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ChildrenServices.Domain.Calendar;

/// <summary>
/// Working days for statutory timescales: Monday to Friday, excluding England and Wales bank holidays.
/// Timescales count from the day after the start date, so "within N working days of X" is
/// <c>AddWorkingDays(X, N)</c> and the start date itself is never counted.
/// </summary>
public sealed class WorkingDayCalendar
{
    // Holiday sets are asked for on every deadline calculation but only change with the one-off list,
    // which is fixed per instance, so each year is computed once and shared across threads.
    private readonly ConcurrentDictionary<int, YearHolidays> _years = new();
    private readonly ILookup<int, OneOffHoliday> _additionsByYear;
    private readonly ILookup<int, DateOnly> _replacedByYear;

    public WorkingDayCalendar(IEnumerable<OneOffHoliday> oneOffs)
    {
        ArgumentNullException.ThrowIfNull(oneOffs);

        var list = oneOffs.ToList();
        foreach (var oneOff in list)
        {
            Validate(oneOff);
        }

        OneOffs = list.AsReadOnly();
        _additionsByYear = list.ToLookup(o => o.Date.Year);
        _replacedByYear = list
            .Where(o => o.Replaces.HasValue)
            .ToLookup(o => o.Replaces!.Value.Year, o => o.Replaces!.Value);
    }

    /// <summary>England and Wales with the one-offs in <see cref="OneOffHolidays.EnglandAndWales"/>.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new(OneOffHolidays.EnglandAndWales);

    public IReadOnlyList<OneOffHoliday> OneOffs { get; }

    /// <summary>A new calendar with this one's one-offs plus <paramref name="extraOneOffs"/>, e.g. a proclamation announced since release.</summary>
    public WorkingDayCalendar With(params IEnumerable<OneOffHoliday> extraOneOffs)
    {
        ArgumentNullException.ThrowIfNull(extraOneOffs);
        return new WorkingDayCalendar(OneOffs.Concat(extraOneOffs));
    }

    /// <summary>Bank holidays observed in <paramref name="year"/>, rule-based and one-off, in date order.</summary>
    public IReadOnlyList<BankHoliday> HolidaysIn(int year) => For(year).Ordered;

    public bool IsBankHoliday(DateOnly date) => For(date.Year).ByDate.ContainsKey(date);

    public bool IsBankHoliday(DateOnly date, [NotNullWhen(true)] out string? name) =>
        For(date.Year).ByDate.TryGetValue(date, out name);

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsBankHoliday(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/> (before it when negative).
    /// Zero returns <paramref name="start"/> unchanged, even when it is not a working day, because day 0
    /// of a timescale is the event date whatever day it fell on.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs((long)days);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// Working days stepped onto when moving from <paramref name="from"/> to <paramref name="to"/>: the day
    /// left is not counted and the day arrived at is. Negative when <paramref name="to"/> is earlier, so that
    /// <c>WorkingDaysBetween(x, AddWorkingDays(x, n)) == n</c> for any n.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to == from)
        {
            return 0;
        }

        // Counted arithmetically rather than day by day because callers also use this for
        // performance measures over whole reporting years.
        return to > from
            ? CountWorkingDays(from.AddDays(1), to)
            : -CountWorkingDays(to, from.AddDays(-1));
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    /// <summary><paramref name="date"/> if it is a working day, otherwise the next one.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary><paramref name="date"/> if it is a working day, otherwise the previous one.</summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly date) => IsWorkingDay(date) ? date : PreviousWorkingDay(date);

    /// <summary>Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void Validate(OneOffHoliday oneOff)
    {
        ArgumentNullException.ThrowIfNull(oneOff, nameof(oneOff));
        if (string.IsNullOrWhiteSpace(oneOff.Name))
        {
            throw new ArgumentException($"One-off holiday on {oneOff.Date:yyyy-MM-dd} has no name.", nameof(oneOff));
        }

        // A Replaces date that is not a rule-based holiday would silently do nothing, which almost
        // always means a typo in configuration that would shift every deadline across that date.
        if (oneOff.Replaces is { } replaced
            && !BankHolidays.ForYear(replaced.Year).Any(h => h.Date == replaced))
        {
            throw new ArgumentException(
                $"One-off holiday '{oneOff.Name}' replaces {replaced:yyyy-MM-dd}, which is not a rule-based bank holiday.",
                nameof(oneOff));
        }
    }

    /// <summary>Working days in the inclusive range; zero when the range is empty.</summary>
    private int CountWorkingDays(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return 0;
        }

        var weekdays = WeekdaysBefore(last.DayNumber + 1) - WeekdaysBefore(first.DayNumber);
        var holidaysOnWeekdays = 0;
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var holiday in For(year).Ordered)
            {
                if (holiday.Date >= first && holiday.Date <= last && !IsWeekend(holiday.Date))
                {
                    holidaysOnWeekdays++;
                }
            }
        }

        return (int)(weekdays - holidaysOnWeekdays);
    }

    /// <summary>Weekdays on day numbers [0, dayNumber).</summary>
    private static long WeekdaysBefore(int dayNumber)
    {
        // Day number 0 (1 January 0001) is a Monday, so every block of 7 from it is Mon..Sun.
        var fullWeeks = dayNumber / 7;
        var rest = dayNumber % 7;
        return (5L * fullWeeks) + Math.Min(rest, 5);
    }

    // TryGetValue first: GetOrAdd with the method group would make a new delegate on every call, and due dates ask
    // for a year's holidays many times a request.
    private YearHolidays For(int year) => _years.TryGetValue(year, out var holidays) ? holidays : _years.GetOrAdd(year, Build);

    private YearHolidays Build(int year)
    {
        var replaced = _replacedByYear[year].ToHashSet();
        var byDate = new Dictionary<DateOnly, string>();
        foreach (var holiday in BankHolidays.ForYear(year).Where(h => !replaced.Contains(h.Date)))
        {
            byDate[holiday.Date] = holiday.Name;
        }

        // The first name wins so that a deployment repeating a default entry (or a one-off that
        // coincides with a rule date) does not rename or double-count the day.
        foreach (var oneOff in _additionsByYear[year])
        {
            byDate.TryAdd(oneOff.Date, oneOff.Name);
        }

        var ordered = byDate
            .OrderBy(kv => kv.Key)
            .Select(kv => new BankHoliday(kv.Key, kv.Value))
            .ToList()
            .AsReadOnly();
        return new YearHolidays(byDate, ordered);
    }

    private sealed record YearHolidays(IReadOnlyDictionary<DateOnly, string> ByDate, IReadOnlyList<BankHoliday> Ordered);
}
