using ChildrenServices.Domain.Codes;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The SSDA903 code sets as the worker chooses from them: the DfE's words, with the code after them.</summary>
public static class CareCodes
{
    /// <summary>"Interim care order (C1)"; a code no longer in the set is shown as it is.</summary>
    public static string Describe(CodeSet codes, string? value) =>
        string.IsNullOrEmpty(value) ? "None" : codes.Find(value) is { } code ? $"{code.Description} ({code.Value})" : value;

    public static IEnumerable<SelectListItem> LegalStatuses => Options(Ssda903Codes.LegalStatus);

    public static IEnumerable<SelectListItem> CategoriesOfNeed => Options(Ssda903Codes.CategoryOfNeed);

    /// <summary>
    /// Every placement type, those the DfE has withdrawn marked with their last year: a placement that started
    /// before then may still be recorded late, and the period refuses one that starts after.
    /// </summary>
    public static IEnumerable<SelectListItem> PlacementTypes =>
        Ssda903Codes.PlacementType.Codes.Select(c => new SelectListItem(
            c.ValidToYear is { } last ? $"{c.Description} ({c.Value}) — only for placements that started before 1 April {last}" : $"{c.Description} ({c.Value})",
            c.Value));

    /// <summary>The providers, and none: temporary (T0 to T4) and other (Z1) placements have no provider.</summary>
    public static IEnumerable<SelectListItem> Providers =>
        Options(Ssda903Codes.PlacementProvider).Append(new SelectListItem("No provider: a temporary placement (T0 to T4) or other placement (Z1)", string.Empty));

    /// <summary>Why care ended: every reason but X1, which only ends an episode that another follows.</summary>
    public static IEnumerable<SelectListItem> ReasonsCareEnded => Options(Ssda903Codes.ReasonEpisodeCeased).Where(o => o.Value != "X1");

    /// <summary>Why a placement changed, with a way to give none: a move into or back from a temporary placement has no reason.</summary>
    public static IEnumerable<SelectListItem> ReasonsForPlacementChange =>
        Options(Ssda903Codes.ReasonForPlacementChange).Append(new SelectListItem("No reason: a move into or back from a temporary placement", string.Empty));

    public static IEnumerable<SelectListItem> PreviousPermanenceOptions => Options(Ssda903Codes.PreviousPermanence);

    public static IEnumerable<SelectListItem> Participation => Options(Ssda903Codes.ReviewParticipation);

    public static IEnumerable<SelectListItem> MissingTypes => Options(Ssda903Codes.MissingType);

    public static IEnumerable<SelectListItem> YesNo(string yes, string no) => [new(yes, "true"), new(no, "false")];

    private static IEnumerable<SelectListItem> Options(CodeSet codes) =>
        codes.Codes.Where(c => c.ValidToYear is null).Select(c => new SelectListItem($"{c.Description} ({c.Value})", c.Value));
}

/// <summary>How a statutory due date reads: "Due 14 March 2027 — 3 working days left", with the tag for how it stands.</summary>
public static class DueDisplay
{
    public static (string Text, string Tag, string Status) Describe(Application.LookedAfter.GetPeriodsOfCare.Due due, DateOnly today)
    {
        var when = $"Due {Display.Date(due.DueOn)}";
        var text = due.WorkingDaysLeft switch
        {
            _ when due.DueOn == today => $"{when} — due today",
            > 0 => $"{when} — {Days(due.WorkingDaysLeft)} left",
            _ when due.DueOn > today => $"{when} — no working days left",
            _ => $"{when} — {Days(Math.Max(1, -due.WorkingDaysLeft))} overdue",
        };
        return due.Status switch
        {
            Domain.Timescales.RagStatus.Red => (text, "govuk-tag--red", "Overdue"),
            Domain.Timescales.RagStatus.Amber => (text, "govuk-tag--yellow", "Due soon"),
            _ => (text, "govuk-tag--green", "On track"),
        };
    }

    private static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
