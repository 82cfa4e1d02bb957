using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.EarlyHelp;

/// <summary>Early help requests waiting in my teams, and the families we hold.</summary>
[Authorize(Policy = nameof(Permission.WorkEarlyHelp))]
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetEarlyHelpWork.Result Work { get; private set; } = default!;

    public async Task OnGetAsync() => Work = await sender.Send(new GetEarlyHelpWork.Query());
}
