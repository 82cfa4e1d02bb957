namespace ChildrenServices.Domain.Calendar;

/// <summary>
/// A bank holiday created by a one-off Royal Proclamation. When <see cref="Replaces"/> is set the
/// proclamation moved a rule-based holiday: that date becomes an ordinary working day and
/// <see cref="Date"/> is observed instead. Otherwise the day is in addition to the rule-based ones.
/// </summary>
public sealed record OneOffHoliday(DateOnly Date, string Name, DateOnly? Replaces = null);

/// <summary>The one-off proclamations already known, so that historic timescales are recomputed correctly.</summary>
public static class OneOffHolidays
{
    /// <summary>
    /// England and Wales one-offs since 1995. A future proclamation is usually made months ahead;
    /// until this list is updated a deployment adds it through <see cref="WorkingDayCalendar.With"/>.
    /// </summary>
    public static IReadOnlyList<OneOffHoliday> EnglandAndWales { get; } =
    [
        // 50th anniversary of VE Day.
        new(new DateOnly(1995, 5, 8), "Early May bank holiday (VE Day)", Replaces: new DateOnly(1995, 5, 1)),
        new(new DateOnly(1999, 12, 31), "Millennium Celebrations"),

        // Golden Jubilee: the spring holiday moved to the Tuesday to make a four-day weekend.
        new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"),
        new(new DateOnly(2002, 6, 4), BankHolidays.Spring, Replaces: new DateOnly(2002, 5, 27)),

        new(new DateOnly(2011, 4, 29), "Royal wedding"),

        // Diamond Jubilee.
        new(new DateOnly(2012, 6, 4), BankHolidays.Spring, Replaces: new DateOnly(2012, 5, 28)),
        new(new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee"),

        // 75th anniversary of VE Day.
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)", Replaces: new DateOnly(2020, 5, 4)),

        // Platinum Jubilee, then the State Funeral of Queen Elizabeth II.
        new(new DateOnly(2022, 6, 2), BankHolidays.Spring, Replaces: new DateOnly(2022, 5, 30)),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),

        new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];
}
