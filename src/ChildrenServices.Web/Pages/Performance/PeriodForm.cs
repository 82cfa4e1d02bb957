using ChildrenServices.Application.Performance;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>
/// What the pages over a period (timeliness, flow) share, and the team filter every performance view has, as a helper rather than a base class: the twelve months to today
/// on a first visit, both dates required, and the use case's refusals put beside the dates.
/// </summary>
internal static class PeriodForm
{
    /// <summary>The period asked for, or the twelve months to today when the form has not been sent; null with the errors in <paramref name="modelState"/>.</summary>
    public static (DateOnly From, DateOnly To)? Resolve(HttpRequest request, ModelStateDictionary modelState, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var sent = request.Query.Keys.Any(k => k.StartsWith("From", StringComparison.Ordinal) || k.StartsWith("To", StringComparison.Ordinal));
        if (!sent)
        {
            // The first visit, or only a team chosen: the twelve months to today, unless the team itself was refused.
            return modelState.IsValid ? (today.AddYears(-1).AddDays(1), today) : null;
        }

        if (modelState.IsValid && from is null)
        {
            modelState.AddModelError("From", "Enter the start of the period");
        }

        if (modelState.IsValid && to is null)
        {
            modelState.AddModelError("To", "Enter the end of the period");
        }

        return modelState.IsValid ? (from!.Value, to!.Value) : null;
    }

    /// <summary>
    /// A download of what the page shows: <c>/Performance/{page}/{handler}</c> with the query the page was shown with (the
    /// period, dates and team), and each of <paramref name="extra"/> that has a value (which table, which indicator).
    /// </summary>
    public static string DownloadLink(HttpRequest request, string page, string handler, params (string Name, string? Value)[] extra)
    {
        var parts = new List<string>();
        if (request.QueryString.Value?.TrimStart('?') is { Length: > 0 } query)
        {
            parts.Add(query);
        }

        parts.AddRange(extra.Where(e => e.Value is not null).Select(e => $"{e.Name}={Uri.EscapeDataString(e.Value!)}"));
        return $"/Performance/{page}/{handler}{(parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts))}";
    }

    /// <summary>The use case refused the period: each message beside the date it is about.</summary>
    public static void Refused(ModelStateDictionary modelState, ValidationException invalid)
    {
        foreach (var error in invalid.Errors)
        {
            modelState.AddModelError(error.PropertyName == "From" ? "From" : "To", error.ErrorMessage);
        }
    }

    /// <summary>The team filter's choices: every team, or one.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> TeamsAsync(ISender sender) =>
        [new SelectListItem("All teams", string.Empty), .. (await sender.Send(new GetTeamNames.Query())).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];

    /// <summary>A team that is not a team's id gets a GOV.UK message rather than the framework's.</summary>
    public static void CheckTeam(ModelStateDictionary modelState)
    {
        if (modelState.TryGetValue("Team", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            modelState.AddModelError("Team", "Select a team from the list");
        }
    }
}
