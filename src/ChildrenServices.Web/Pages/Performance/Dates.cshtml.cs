using System.Globalization;
using ChildrenServices.Application;
using ChildrenServices.Application.Performance;
using ChildrenServices.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>
/// The service at any date: counts on up to four chosen dates side by side, and looked-after children at each month end
/// over a range, each table downloadable as CSV and both as an Excel workbook. A GET form, so a table can be bookmarked
/// and shared as a link.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class DatesModel(ISender sender, TimeProvider clock) : PageModel
{
    private const string MonthFormat = "yyyy-MM";

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date1 { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date2 { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date3 { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date4 { get; set; }

    /// <summary>The first month of the looked-after series, as yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)]
    public string? FromMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToMonth { get; set; }

    /// <summary>Only the team's work (every team when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Teams { get; private set; } = [];

    public GetServiceAtDates.Result? Result { get; private set; }

    /// <summary>The months the series can start or end in: the last five years, newest first.</summary>
    public IReadOnlyList<SelectListItem> Months { get; private set; } = [];

    private string[] DateFields => [nameof(Date1), nameof(Date2), nameof(Date3), nameof(Date4)];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Refused();

    /// <summary>One table as CSV: <paramref name="table"/> is "dates" or "months".</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table)
    {
        if (!await LoadAsync())
        {
            return Refused();
        }

        return table == "months"
            ? new CsvResult($"looked-after-by-month-{Today:yyyy-MM-dd}.csv", MonthTable(Result!))
            : new CsvResult($"service-at-dates-{Today:yyyy-MM-dd}.csv", DateTable(Result!));
    }

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await LoadAsync() ? new XlsxResult($"service-at-dates-{Today:yyyy-MM-dd}.xlsx", [DateTable(Result!), MonthTable(Result!)]) : Refused();

    /// <summary>The rows of the counts table, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Measure, string Definition, Func<GetServiceAtDates.Column, int> Value)> Measures { get; } =
    [
        ("Children in early help", "Children in an early help or support episode that had started and not ended", c => c.EarlyHelpChildren),
        ("Families in early help", "Early help and support episodes (one per family) that had started and not ended", c => c.EarlyHelpFamilies),
        ("Children on a child in need plan", "Child in need plans that had started and not ended", c => c.ChildInNeedPlans),
        ("Children on a child protection plan", "Child protection plans that had started and not ended", c => c.ChildProtectionPlans),
        ("Children looked after", "Periods of care that had started and not ended (SSDA903)", c => c.LookedAfter),
    ];

    private DateOnly Today => UkTime.Today(clock);

    private static ExportTable DateTable(GetServiceAtDates.Result result) => new(
        "Counts at dates",
        ["Measure", .. result.Columns.Select(c => c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "Definition"],
        [.. Measures.Select(m => (IReadOnlyList<object?>)[m.Measure, .. result.Columns.Select(c => (object?)m.Value(c)), m.Definition])]);

    private static ExportTable MonthTable(GetServiceAtDates.Result result) => new(
        "Looked after by month",
        ["Month end", "Children looked after", "Change on the month before"],
        [.. result.MonthEnds.Select(m => (IReadOnlyList<object?>)[m.On, m.LookedAfter, m.Change])]);

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Fills in the defaults for a first visit, then asks for the figures; false with the errors beside their fields when the input is wrong.</summary>
    private async Task<bool> LoadAsync()
    {
        var today = Today;
        Months = [.. Enumerable.Range(0, 60).Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i))
            .Select(m => new SelectListItem(m.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), m.ToString(MonthFormat, CultureInfo.InvariantCulture)))];
        var firstVisit = !Request.Query.Keys.Any(k => k.StartsWith("Date", StringComparison.Ordinal) || k is nameof(FromMonth) or nameof(ToMonth));
        if (firstVisit)
        {
            // The last three quarter ends and today, oldest first; the series over the last twelve months.
            var quarterEnds = QuarterEndsBefore(today).Take(3).Reverse().ToList();
            (Date1, Date2, Date3, Date4) = (quarterEnds[0], quarterEnds[1], quarterEnds[2], today);
            FromMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11).ToString(MonthFormat, CultureInfo.InvariantCulture);
            ToMonth = today.ToString(MonthFormat, CultureInfo.InvariantCulture);
        }

        Teams = await PeriodForm.TeamsAsync(sender);
        PeriodForm.CheckTeam(ModelState);
        var from = Month(FromMonth, nameof(FromMonth));
        var to = Month(ToMonth, nameof(ToMonth));
        if (!ModelState.IsValid)
        {
            return false;
        }

        var given = DateFields.Zip(new[] { Date1, Date2, Date3, Date4 }).Where(x => x.Second is not null).Select(x => (Field: x.First, On: x.Second!.Value)).ToList();
        try
        {
            Result = await sender.Send(new GetServiceAtDates.Query([.. given.Select(g => g.On)], from, to, Team));
            return true;
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                var field = error.PropertyName switch
                {
                    nameof(GetServiceAtDates.Query.MonthsFrom) => nameof(FromMonth),
                    nameof(GetServiceAtDates.Query.MonthsTo) => nameof(ToMonth),
                    var p when p.StartsWith("Dates[", StringComparison.Ordinal) && int.TryParse(p[6..^1], out var i) && i < given.Count => given[i].Field,
                    _ => nameof(Date1),
                };
                ModelState.AddModelError(field, error.ErrorMessage);
            }

            return false;
        }
    }

    private DateOnly? Month(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        ModelState.AddModelError(field, "Select a month from the list");
        return null;
    }

    private static IEnumerable<DateOnly> QuarterEndsBefore(DateOnly today)
    {
        var end = new DateOnly(today.Year, today.Month, 1).AddMonths(-((today.Month - 1) % 3)).AddDays(-1);
        while (true)
        {
            yield return end;
            end = new DateOnly(end.Year, end.Month, 1).AddMonths(-2).AddDays(-1);
        }
    }
}
