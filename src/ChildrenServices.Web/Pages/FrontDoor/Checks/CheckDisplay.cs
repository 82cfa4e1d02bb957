using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Web.Infrastructure;
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
            return ("Overdue", "govuk-tag--red", $"{Display.Span(nowUtc - dueAtUtc)} overdue");
        }

        return MashCheckTimes.IsDueSoon(dueAtUtc, nowUtc)
            ? ("Due soon", "govuk-tag--yellow", $"{Display.Span(dueAtUtc - nowUtc)} left")
            : ("On track", "govuk-tag--green", $"{Display.Span(dueAtUtc - nowUtc)} left");
    }
}
