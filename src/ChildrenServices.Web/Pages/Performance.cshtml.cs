using ChildrenServices.Application.Home;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class PerformanceModel(ISender sender) : PageModel
{
    public GetServiceOverview.Result Overview { get; private set; } = default!;

    public Application.FrontDoor.GetFrontDoorFigures.Result FrontDoor { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        Overview = await sender.Send(new GetServiceOverview.Query());
        FrontDoor = await sender.Send(new Application.FrontDoor.GetFrontDoorFigures.Query());
    }

    /// <summary>One table as CSV: <paramref name="table"/> is "front-door", "data-quality" or (by default) the caseloads.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table)
    {
        // Only the use case the table comes from: the front door's figures are not the overview's people pass.
        if (table == "front-door")
        {
            var frontDoor = await sender.Send(new Application.FrontDoor.GetFrontDoorFigures.Query());
            return new CsvResult($"front-door-{frontDoor.To:yyyy-MM-dd}.csv", FrontDoorTable(frontDoor));
        }

        var overview = await sender.Send(new GetServiceOverview.Query());
        return table == "data-quality"
            ? new CsvResult($"data-quality-{overview.AsAt:yyyy-MM-dd}.csv", DataQualityTable(overview))
            : new CsvResult($"caseloads-{overview.AsAt:yyyy-MM-dd}.csv", CaseloadTable(overview));
    }

    /// <summary>Every table on the page as an Excel workbook, one worksheet each.</summary>
    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var (overview, frontDoor) = (await sender.Send(new GetServiceOverview.Query()), await sender.Send(new Application.FrontDoor.GetFrontDoorFigures.Query()));
        return new XlsxResult($"service-overview-{overview.AsAt:yyyy-MM-dd}.xlsx", [FrontDoorTable(frontDoor), CaseloadTable(overview), DataQualityTable(overview)]);
    }

    /// <summary>The front door's rows as the page shows them: measure, number, what its percentage is of (where it has one), and its definition.</summary>
    public static IReadOnlyList<(string Measure, int Number, int? OutOf, string Definition)> FrontDoorRows(Application.FrontDoor.GetFrontDoorFigures.Result f) =>
    [
        ("Contacts", f.Contacts, null, "Contacts received in the period, by any route"),
        ("Awaiting decision", f.AwaitingDecision, null, "Of those, not yet decided (or awaiting sign-off)"),
        ("Decided within one working day", f.DecidedWithinOneWorkingDay, f.Decided, "Decisions in force made within one working day of the contact's receipt"),
        ("Consultations", f.Consultations, null, "Contacts with a recorded consultation (CADS conversation)"),
        ("Consultations without a child", f.ConsultationsWithoutAChild, null, "Consultations about no named child: a professional asking advice"),
        ("Advice only", f.AdviceOnly, f.Consultations, "Consultations that ended with advice, the caller keeping responsibility"),
        ("Early help", f.EarlyHelp, null, "Contacts decided as early help"),
        ("Referrals", f.Referrals, null, "Referrals to children's social care dated in the period (one per child)"),
        ("Re-referrals", f.ReReferrals, f.Referrals, "Referrals within 12 months of a previous referral for the same child"),
        ("Immediate strategy discussions", f.StrategyDiscussions, null, "Referrals marked for an immediate strategy discussion (significant harm suspected)"),
    ];

    private static ExportTable FrontDoorTable(Application.FrontDoor.GetFrontDoorFigures.Result f) => new(
        "Front door",
        ["Measure", "Number", "Out of", "Per cent", "Definition", "From", "To"],
        [.. FrontDoorRows(f).Select(r => (IReadOnlyList<object?>)[r.Measure, r.Number, r.OutOf, r.OutOf is { } whole ? Application.FrontDoor.GetFrontDoorFigures.Result.Percent(r.Number, whole) : null, r.Definition, f.From, f.To])]);

    private static ExportTable CaseloadTable(GetServiceOverview.Result overview) => new(
        "Caseloads",
        ["Team", "Kind", "Workers", "Children held by a lead worker", "Average caseload", "Capacity per worker"],
        [.. overview.Teams.Select(t => (IReadOnlyList<object?>)[t.Name, t.Kind.Describe(), t.Workers, t.LeadCases, t.AverageCaseload, t.Capacity])]);

    private static ExportTable DataQualityTable(GetServiceOverview.Result overview) => new(
        "Data quality",
        ["Gap", "Records", "Out of"],
        [.. overview.DataQuality.Select(g => (IReadOnlyList<object?>)[g.Description, g.Count, g.OutOf])]);
}
