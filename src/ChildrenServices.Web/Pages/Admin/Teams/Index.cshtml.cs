using ChildrenServices.Application.Teams;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Admin.Teams;

[Authorize(Policy = nameof(Application.Security.Permission.ManageTeams))]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListTeams.Row> Teams { get; private set; } = [];

    public async Task OnGetAsync() => Teams = await sender.Send(new ListTeams.Query());
}
