using System.Globalization;
using ChildrenServices.Application;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.People;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>How dates, ages and codes read on every page: "14 March 2027", never 14/03/2027.</summary>
public static class Display
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "Not recorded";

    public static string DateTime(DateTime utc) => UkTime.ToLocal(utc).ToString("d MMMM yyyy 'at' HH:mm", UkCulture);

    /// <summary>When something happened: "14 March 2027", or "14 March 2027 at 14:30" when the time is known.</summary>
    public static string Occurred(DateOnly date, TimeOnly? time) =>
        time is { } t ? $"{Date(date)} at {t.ToString("HH:mm", UkCulture)}" : Date(date);

    /// <summary>A UK wall-clock time of day: "14:32".</summary>
    public static string Time(DateTime utc) => UkTime.ToLocal(utc).ToString("HH:mm", UkCulture);

    public static string Birth(DateOnly? dateOfBirth, DateOnly? expected, DateOnly today) => Birth(dateOfBirth, expected, today, null);

    /// <summary>"27 March 2019 (age 7)", "Unborn, expected 14 June 2027", or "Age about 7, date of birth not known".</summary>
    public static string Birth(DateOnly? dateOfBirth, DateOnly? expected, DateOnly today, int? approximateAge)
    {
        if (dateOfBirth is { } dob)
        {
            var age = Person.AgeBetween(dob, today);
            return age < 1
                ? $"{Date(dob)} ({MonthsOld(dob, today)} months)"
                : $"{Date(dob)} (age {age})";
        }

        return expected is { } due ? $"Unborn, expected {Date(due)}"
            : approximateAge is { } about ? $"Age about {about}, date of birth not known"
            : "Date of birth not known";
    }

    public static string Nhs(string? nhsNumber) =>
        nhsNumber is { Length: 10 } n ? $"{n[..3]} {n[3..6]} {n[6..]}" : nhsNumber ?? "Not recorded";

    public static string Code(CodeSet codes, string? value) =>
        string.IsNullOrEmpty(value) ? "Not recorded" : codes.Find(value) is { } code ? code.Description : value;

    /// <summary>Codes to choose from: those still in use, unless <paramref name="includeRetired"/>.</summary>
    public static IEnumerable<SelectListItem> Options(CodeSet codes, bool includeRetired = false) =>
        codes.Codes.Where(c => includeRetired || c.ValidToYear is null).Select(c => new SelectListItem(c.Description, c.Value));

    /// <summary>Codes to choose from, each shown with its DfE code first ("N1 Abuse, neglect and exploitation"), those still in use.</summary>
    public static IEnumerable<SelectListItem> CodedOptions(CodeSet codes) =>
        Options(codes).Select(o => new SelectListItem($"{o.Value} {o.Text}", o.Value));

    public static string Sex(Sex sex) => sex switch
    {
        Domain.People.Sex.Female => "Female",
        Domain.People.Sex.Male => "Male",
        _ => "Not known",
    };

    /// <summary>"Due 26 November 2026 at 10:00 — 3 hours left" / "2 hours overdue", with the tag colour for the state.</summary>
    public static (string Text, string Tag, string Status) Deadline(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        var when = $"Due {DateTime(dueUtc)}";
        if (left < TimeSpan.Zero)
        {
            return ($"{when} — {Span(-left)} overdue", "govuk-tag--red", "Overdue");
        }

        return left < TimeSpan.FromHours(4)
            ? ($"{when} — {Span(left)} left", "govuk-tag--yellow", "Due soon")
            : ($"{when} — {Span(left)} left", "govuk-tag--green", "On track");
    }

    /// <summary>"2 days 3 hours", "3 hours 20 minutes", "12 minutes", "less than a minute": one wording for every deadline.</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        if (span.TotalDays >= 1)
        {
            return span.Hours > 0 ? $"{Unit(span.Days, "day")} {Unit(span.Hours, "hour")}" : Unit(span.Days, "day");
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes > 0 ? $"{Unit(span.Hours, "hour")} {Unit(span.Minutes, "minute")}" : Unit(span.Hours, "hour");
        }

        return Unit(span.Minutes, "minute");
    }

    private static int MonthsOld(DateOnly dob, DateOnly today) =>
        Math.Max(0, ((today.Year - dob.Year) * 12) + today.Month - dob.Month - (today.Day < dob.Day ? 1 : 0));
}

public static class Policies
{
    /// <summary>Any signed-in user: for a user's own pages that need no particular permission.</summary>
    public const string SignedIn = "SignedIn";
}
