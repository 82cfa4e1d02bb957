using System.Globalization;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// Whether a child starting to be looked after had left care before through adoption, a special guardianship order or
/// a child arrangements (residence) order: SSDA903 PrevPerm (PREV_PERM, LA_PERM, DATE_PERM), asked at every start of
/// care from 1 April 2016 (rules 630, 634) and updated when more comes to light.
/// </summary>
/// <remarks>
/// The date of the order may be known only in part, as the DfE's guidance allows (zz/MM/YYYY, zz/zz/YYYY,
/// zz/zz/zzzz): a day only with a month, a month only with a year.
/// </remarks>
public sealed record PreviousPermanence
{
    /// <summary>The day care must start on or after for the return to ask about previous permanence (rule 634).</summary>
    public static readonly DateOnly AskedFrom = new(2016, 4, 1);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private PreviousPermanence()
    {
        Option = string.Empty;
    }

    /// <param name="option">P1 adoption, P2 special guardianship order, P3 residence or child arrangements order, P4 unknown, Z1 none.</param>
    /// <param name="localAuthority">The DfE code of the council that arranged it (three digits), or WAL, SCO, NIR or NUK outside England.</param>
    public PreviousPermanence(string option, string? localAuthority, int? orderYear, int? orderMonth, int? orderDay)
    {
        option = option?.Trim().ToUpperInvariant() ?? string.Empty;
        if (option.Length == 0)
        {
            throw new DomainRuleException("Select whether the child has left care before through adoption, special guardianship or a child arrangements order", "PreviousPermanence");
        }

        if (!Ssda903Codes.PreviousPermanence.Contains(option))
        {
            throw new DomainRuleException($"'{option}' is not an SSDA903 previous permanence option (DfE rule 631)", "PreviousPermanence");
        }

        localAuthority = string.IsNullOrWhiteSpace(localAuthority) ? null : localAuthority.Trim().ToUpperInvariant();
        var anyDate = orderYear is not null || orderMonth is not null || orderDay is not null;
        if (option == None)
        {
            if (localAuthority is not null || anyDate)
            {
                throw new DomainRuleException("Leave the council and the date of the order blank: the child has not had a previous permanence option (DfE rule 635)", localAuthority is not null ? "PermanenceLocalAuthority" : "PermanenceOrder");
            }
        }
        else
        {
            // The return needs a council for every option but Z1, P4 (not known) too: 999 stands for one not known (rule 630).
            if (localAuthority is null)
            {
                throw new DomainRuleException("Enter the code of the council that arranged it, or 999 if it is not known (DfE rule 630)", "PermanenceLocalAuthority");
            }

            if (localAuthority is not null && !Ssda903Codes.IsLocalAuthorityCode(localAuthority))
            {
                throw new DomainRuleException("Enter the council's three-digit DfE code, or WAL, SCO, NIR or NUK for a council outside England (DfE rule 633)", "PermanenceLocalAuthority");
            }

            CheckDate(orderYear, orderMonth, orderDay);
        }

        Option = option;
        LocalAuthority = localAuthority;
        OrderYear = orderYear;
        OrderMonth = orderMonth;
        OrderDay = orderDay;
    }

    /// <summary>Z1: the child has not previously had a permanence option.</summary>
    public const string None = "Z1";

    /// <summary>P4: not known whether the child had one.</summary>
    public const string Unknown = "P4";

    /// <summary>PREV_PERM.</summary>
    public string Option { get; private init; }

    /// <summary>LA_PERM.</summary>
    public string? LocalAuthority { get; private init; }

    public int? OrderYear { get; private init; }

    public int? OrderMonth { get; private init; }

    public int? OrderDay { get; private init; }

    /// <summary>DATE_PERM as the return writes it: "14/05/2020", "zz/05/2020", "zz/zz/2020" or "zz/zz/zzzz"; none for Z1.</summary>
    public string? OrderDateForReturn => DateForReturn(Option, OrderYear, OrderMonth, OrderDay);

    /// <summary>DATE_PERM as the return gives it: dd/mm/yyyy, zz for a part not known; none for Z1 (no previous permanence).</summary>
    public static string? DateForReturn(string option, int? orderYear, int? orderMonth, int? orderDay) => option == None
        ? null
        : $"{(orderDay is { } d ? d.ToString("00", English) : "zz")}/{(orderMonth is { } m ? m.ToString("00", English) : "zz")}/{(orderYear is { } y ? y.ToString("0000", English) : "zzzz")}";

    /// <summary>The date of the order as far as it is known: "14 May 2020", "May 2020", "2020" or "date not known".</summary>
    public string OrderDateInWords => (OrderYear, OrderMonth, OrderDay) switch
    {
        ({ } y, { } m, { } d) => new DateOnly(y, m, d).ToString("d MMMM yyyy", English),
        ({ } y, { } m, null) => new DateOnly(y, m, 1).ToString("MMMM yyyy", English),
        ({ } y, null, null) => y.ToString(English),
        _ => "date not known",
    };

    /// <summary>The order came before care started (rule 632), as far as its date is known.</summary>
    internal void CheckBefore(DateOnly startedOn)
    {
        // A part not known is taken at its latest, as the return's check reads it (rule 632): May 2024 is before a start in June
        // 2024, not one in May; 2024 alone only before a start in 2025 or later.
        var before = (OrderYear, OrderMonth, OrderDay) switch
        {
            ({ } y, { } m, { } d) => new DateOnly(y, m, d) < startedOn,
            ({ } y, { } m, null) => new DateOnly(y, m, DateTime.DaysInMonth(y, m)) < startedOn,
            ({ } y, null, null) => y < startedOn.Year,
            _ => true,
        };
        if (!before)
        {
            throw new DomainRuleException($"The previous permanence order must be before the child started to be looked after, on {startedOn.ToString("d MMMM yyyy", English)} (DfE rule 632)", "PermanenceOrder");
        }
    }

    private static void CheckDate(int? year, int? month, int? day)
    {
        if ((day is not null && month is null) || (month is not null && year is null))
        {
            throw new DomainRuleException("Enter the month with the day, and the year with the month: leave out only what is not known, from the day up", "PermanenceOrder");
        }

        if (year is { } y && (y < 1900 || y > 9999))
        {
            throw new DomainRuleException("Enter a real year for the order, like 2019", "PermanenceOrder");
        }

        if (month is { } m && (m < 1 || m > 12))
        {
            throw new DomainRuleException("Enter a real month for the order, from 1 to 12", "PermanenceOrder");
        }

        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year!.Value, month!.Value)))
        {
            throw new DomainRuleException("Enter a real day for the order", "PermanenceOrder");
        }
    }
}
