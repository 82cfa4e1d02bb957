using ChildrenServices.Application;
using ChildrenServices.Application.Performance;
using ChildrenServices.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>
/// Timeliness over a chosen period: each statutory timescale as a percentage with the exceptions behind it, and how long
/// completed assessments took. Each list downloads as CSV, and the whole page as an Excel workbook.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class TimelinessModel(ISender sender, TimeProvider clock) : PageModel
{
    /// <summary>How many exceptions each list shows on the page; the download has them all.</summary>
    public const int Shown = GetTimeliness.NamedOnPage;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Only the team's work (every team when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Teams { get; private set; } = [];

    public GetTimeliness.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(nameEvery: false) ? Page() : Refused();

    /// <summary>One table as CSV: an indicator's exceptions (<paramref name="indicator"/>), or <paramref name="table"/> "summary" or "durations".</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? indicator, string? table)
    {
        if (!await LoadAsync(nameEvery: indicator is not null))
        {
            return Refused();
        }

        var r = Result!;
        var period = $"{r.From:yyyy-MM-dd}-to-{r.To:yyyy-MM-dd}";
        return (indicator, table) switch
        {
            (null, "summary") => new CsvResult($"timeliness-{period}.csv", Summary(r)),
            (null, "durations") => new CsvResult($"assessment-durations-{period}.csv", Durations(r)),
            _ when r.Indicators.FirstOrDefault(i => i.Key == indicator) is { } found => new CsvResult($"{found.Key}-late-{period}.csv", LateTable(found)),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (!await LoadAsync(nameEvery: true))
        {
            return Refused();
        }

        var r = Result!;
        return new XlsxResult($"timeliness-{r.From:yyyy-MM-dd}-to-{r.To:yyyy-MM-dd}.xlsx", [Summary(r), Durations(r), .. r.Indicators.Select(LateTable)]);
    }

    private static ExportTable Summary(GetTimeliness.Result r) => new("Timeliness",
        ["Indicator", "In time", "Total", "Per cent in time", "Definition"],
        [.. r.Indicators.Select(i => (IReadOnlyList<object?>)[i.Name, i.InTime, i.Total, i.Percent, i.Definition])]);

    private static ExportTable Durations(GetTimeliness.Result r) => new("Assessment durations",
        ["Working days from referral to authorisation", "Assessments"],
        [.. r.AssessmentDurations.Select(b => (IReadOnlyList<object?>)[b.Label, b.Assessments])]);

    /// <summary>An indicator's exceptions as a table; its worksheet name is the indicator's key (Excel allows 31 characters).</summary>
    private static ExportTable LateTable(GetTimeliness.Indicator indicator) => new(
        indicator.Key,
        ["Child or contact", "Due", "Happened", "Late by"],
        [.. indicator.Late.Select(l => (IReadOnlyList<object?>)[l.Who, l.Due, l.Happened, l.LateBy])]);

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(bool nameEvery)
    {
        Teams = await PeriodForm.TeamsAsync(sender);
        PeriodForm.CheckTeam(ModelState);
        if (PeriodForm.Resolve(Request, ModelState, From, To, UkTime.Today(clock)) is not { } period)
        {
            return false;
        }

        (From, To) = (period.From, period.To);
        try
        {
            Result = await sender.Send(new GetTimeliness.Query(period.From, period.To, nameEvery, Team));
            return true;
        }
        catch (ValidationException invalid)
        {
            PeriodForm.Refused(ModelState, invalid);
            return false;
        }
    }
}
