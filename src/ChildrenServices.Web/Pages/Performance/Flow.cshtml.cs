using ChildrenServices.Application;
using ChildrenServices.Application.Performance;
using ChildrenServices.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>Flow through the service over a chosen period; every table downloads in one Excel workbook, or as CSV.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class FlowModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Only the team's work (every team when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Teams { get; private set; } = [];

    public GetFlow.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Refused();

    /// <summary>One table as CSV: <paramref name="table"/> is "source", "route", "outcome" or "steps"; the measures otherwise.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table)
    {
        if (!await LoadAsync())
        {
            return Refused();
        }

        var tables = Tables(Result!);
        var (slug, chosen) = tables.FirstOrDefault(t => t.Slug == table, tables[0]);
        return new CsvResult($"flow-{(slug == "measures" ? "" : slug + "-")}{Result!.From:yyyy-MM-dd}-to-{Result.To:yyyy-MM-dd}.csv", chosen);
    }

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await LoadAsync()
            ? new XlsxResult($"flow-{Result!.From:yyyy-MM-dd}-to-{Result.To:yyyy-MM-dd}.xlsx", [.. Tables(Result).Select(t => t.Table)])
            : Refused();

    /// <summary>Every table on the page, each with the name its CSV link uses; the workbook has them all.</summary>
    public static IReadOnlyList<(string Slug, ExportTable Table)> Tables(GetFlow.Result r)
    {
        static ExportTable Rows(string name, string heading, IReadOnlyList<GetFlow.Row> rows) =>
            new(name, [heading, "Contacts"], [.. rows.Select(x => (IReadOnlyList<object?>)[x.Label, x.Count])]);
        return
        [
            ("measures", Measures(r)),
            ("source", Rows("Contacts by source", "Source", r.BySource)),
            ("route", Rows("Contacts by route", "Route", r.ByRoute)),
            ("outcome", Rows("What contacts led to", "Decision in force", r.ByOutcome)),
            ("steps", new("Step-ups and step-downs", ["Kind", "Requested", "Approved", "Rejected", "Waiting", "Median working days to decide", "Reasons and rationale recorded", "Decided"],
                [.. r.StepsTaken.Select(s => (IReadOnlyList<object?>)[s.Kind, s.Requested, s.Approved, s.Rejected, s.Waiting, s.MedianWorkingDays, s.FullyRecorded.Part, s.FullyRecorded.Whole])])),
        ];
    }

    /// <summary>The period's measures as shares: each the part, the whole and the percentage, and what the whole counts (one, many).</summary>
    public static IReadOnlyList<(string Measure, GetFlow.Share Share, string One, string Many)> Shares(GetFlow.Result r) =>
    [
        ("Contacts ending in advice or no further action", r.AdviceOrNoFurtherAction, "contact decided", "contacts decided"),
        ("Contacts converted to referrals", r.ToReferral, "contact decided", "contacts decided"),
        ("Assessments ending in no further action", r.AssessmentsEndingInNoFurtherAction, "assessment authorised", "assessments authorised"),
        ("Re-referrals within 12 months", r.ReReferrals, "referral", "referrals"),
        ("Child protection plans that lasted two years or more", r.ProtectionPlansLastingTwoYears, "plan ending in the period", "plans ending in the period"),
        ("Second or later child protection plans", r.SecondOrLaterProtectionPlans, "plan starting in the period", "plans starting in the period"),
        ("Looked-after children with three or more placements in the year", r.LookedAfterWithThreePlacements, "child looked after at the end of the period", "children looked after at the end of the period"),
    ];

    /// <summary>What the whole of a share counts, in words that agree with its number.</summary>
    public static string OutOf(GetFlow.Share share, string one, string many) => $"{share.Whole} {(share.Whole == 1 ? one : many)}";

    private static ExportTable Measures(GetFlow.Result r) => new(
        "Flow",
        ["Measure", "Number", "Of", "Out of", "Per cent"],
        [.. Shares(r).Select(s => (IReadOnlyList<object?>)[s.Measure, s.Share.Part, s.Many, s.Share.Whole, s.Share.Percent])]);

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync()
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
            Result = await sender.Send(new GetFlow.Query(period.From, period.To, Team));
            return true;
        }
        catch (ValidationException invalid)
        {
            PeriodForm.Refused(ModelState, invalid);
            return false;
        }
    }
}
