using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Approvals;

/// <summary>The manager's approvals queue: every pending decision for their teams, with its age.</summary>
[Authorize(Policy = nameof(Permission.DecideApprovals))]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GetApprovals.Row> Pending { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Pending = await sender.Send(new GetApprovals.Query());
    }
}
