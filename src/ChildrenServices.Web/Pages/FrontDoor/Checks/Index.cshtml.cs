using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Every partner agency check still waiting for an answer across the front door, most overdue first.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewFrontDoor))]
public sealed class IndexModel(ISender sender) : PageModel
{
    public ListOutstandingMashChecks.Result Outstanding { get; private set; } = default!;

    public async Task OnGetAsync() => Outstanding = await sender.Send(new ListOutstandingMashChecks.Query());
}
