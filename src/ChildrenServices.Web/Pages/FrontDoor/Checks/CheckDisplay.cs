using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.FrontDoor;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>How MASH checks read on every page: one tag colour per meaning, deadlines in words.</summary>
public static class CheckDisplay
{
    public static string Describe(RagRating rag) => rag switch
    {
        RagRating.Red => "Red",
        RagRating.Amber => "Amber",
        RagRating.Green => "Green",
        _ => rag.ToString(),
    };

    public static string RagTagClass(RagRating rag) => rag switch
    {
        RagRating.Red => "govuk-tag--red",
        RagRating.Amber => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };

    public static IEnumerable<SelectListItem> RagOptions() =>
    [
        new("Red – significant concerns: harm is indicated", nameof(RagRating.Red)),
        new("Amber – some concerns: more information may be needed", nameof(RagRating.Amber)),
        new("Green – no concerns known", nameof(RagRating.Green)),
    ];

    public static IEnumerable<SelectListItem> AgencyOptions() =>
        Enum.GetValues<PartnerAgency>().Select(a => new SelectListItem(a.Describe(), a.ToString()));

    /// <summary>The status of an outstanding check: (tag text, tag class, "2 hours overdue" or "45 minutes left").</summary>
    public static (string Tag, string TagClass, string Deadline) Status(DateTime dueAtUtc, DateTime nowUtc)
    {
        if (nowUtc > dueAtUtc)
        {
            return ("Overdue", "govuk-tag--red", $"{Duration(nowUtc - dueAtUtc)} overdue");
        }

        return MashCheckTimes.IsDueSoon(dueAtUtc, nowUtc)
            ? ("Due soon", "govuk-tag--yellow", $"{Duration(dueAtUtc - nowUtc)} left")
            : ("On track", "govuk-tag--green", $"{Duration(dueAtUtc - nowUtc)} left");
    }

    /// <summary>"2 hours", "1 hour 15 minutes", "3 days 2 hours", "less than a minute".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        if (span.TotalDays >= 1)
        {
            return span.Hours == 0 ? Unit(span.Days, "day") : $"{Unit(span.Days, "day")} {Unit(span.Hours, "hour")}";
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes == 0 ? Unit(span.Hours, "hour") : $"{Unit(span.Hours, "hour")} {Unit(span.Minutes, "minute")}";
        }

        return Unit(span.Minutes, "minute");
    }
}
