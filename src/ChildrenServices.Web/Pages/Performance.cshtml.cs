using ChildrenServices.Application.Home;
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

    /// <summary>The caseload table as CSV, for officers who work in spreadsheets.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var overview = await sender.Send(new GetServiceOverview.Query());
        var lines = new List<string> { "Team,Kind,Workers,Children held by a lead worker,Average caseload,Capacity per worker" };
        lines.AddRange(overview.Teams.Select(t => $"\"{t.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{t.Kind},{t.Workers},{t.LeadCases},{t.AverageCaseload},{t.Capacity}"));
        return File(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), "text/csv", $"caseloads-{overview.AsAt:yyyy-MM-dd}.csv");
    }
}
