using ChildrenServices.Application.Home;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

[Authorize(Policy = nameof(Application.Security.Permission.ViewTeamWork))]
public sealed class TeamModel(ISender sender) : PageModel
{
    public IReadOnlyList<GetTeamOverview.TeamRow> Teams { get; private set; } = [];

    public IReadOnlyList<GetReferralsAwaitingAllocation.Row> Incoming { get; private set; } = [];

    public Application.Allocations.GetTeamTransfers.Result Transfers { get; private set; } = new([], []);

    public IReadOnlyList<Application.Timescales.DueRow> Due { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Due = await sender.Send(new Application.Timescales.GetTeamDueWork.Query());
        Transfers = await sender.Send(new Application.Allocations.GetTeamTransfers.Query());
        Teams = await sender.Send(new GetTeamOverview.Query());
        Incoming = await sender.Send(new GetReferralsAwaitingAllocation.Query());
    }

    /// <summary>The meter's width class in 5% steps (inline styles are blocked by the CSP).</summary>
    public static string MeterClass(int caseload, int capacity)
    {
        var percent = capacity == 0 ? 100 : Math.Min(100, (int)Math.Round(caseload * 100.0 / capacity / 5) * 5);
        return $"app-meter__fill app-meter__fill--w{percent}{(caseload > capacity ? " app-meter__fill--over" : string.Empty)}";
    }
}
