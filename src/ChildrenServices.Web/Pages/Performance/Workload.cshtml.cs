using ChildrenServices.Application.Performance;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>Workload across the service: each team's workers by kind of case, weighted by the council's points, against capacity.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class WorkloadModel(ISender sender) : PageModel
{
    public GetWorkload.Result Workload { get; private set; } = default!;

    /// <summary>The team whose workers are shown; none shows every team's totals, with a manager's own teams' workers.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Teams { get; private set; } = [];

    /// <summary>The teams whose workers are listed: the one chosen, or with none chosen the user's own.</summary>
    public IReadOnlyList<GetWorkload.TeamRow> Shown { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Workload = await sender.Send(new GetWorkload.Query(Team));
        Teams = [new("All teams", string.Empty), .. Workload.Teams.Select(t => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(t.Name, t.Id.ToString()))];
        Shown = [.. Workload.Teams.Where(t => Team is { } chosen ? t.Id == chosen : t.ManagedByMe)];
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var w = await sender.Send(new GetWorkload.Query(Everything: true));
        return new XlsxResult("workload.xlsx", [TeamsTable(w), Table(w)]);
    }

    /// <summary>Every team's workers as CSV; with <paramref name="table"/> "teams", every team's totals.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table)
    {
        var w = await sender.Send(new GetWorkload.Query(Everything: true));
        return table == "teams" ? new CsvResult("workload-teams.csv", TeamsTable(w)) : new CsvResult("workload.csv", Table(w));
    }

    private static ExportTable TeamsTable(GetWorkload.Result w) => new(
        "Teams",
        ["Team", "Workers", "Cases", "Capacity", "Workers over capacity", "Weighted caseload", "Overdue statutory work"],
        [.. w.Teams.Select(t => (IReadOnlyList<object?>)[t.Name, t.Workers.Count, t.Cases, t.CapacityPerWorker * t.Workers.Count, t.Workers.Count(x => x.Cases > t.CapacityPerWorker), t.Weighted, t.Overdue])]);

    private static ExportTable Table(GetWorkload.Result w) => new(
        "Workload",
        ["Team", "Worker", "Looked after", "Child protection", "Child in need", "Being assessed", "Other", "Early help families", "Cases", "Capacity per worker", "Weighted caseload", "Overdue statutory work"],
        [.. w.Teams.SelectMany(t => t.Workers.Select(x => (IReadOnlyList<object?>)[t.Name, x.Name, x.LookedAfter, x.ChildProtection, x.ChildInNeed, x.Assessment, x.Other, x.Families, x.Cases, t.CapacityPerWorker, x.Weighted, x.Overdue]))]);
}
