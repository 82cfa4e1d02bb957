using ChildrenServices.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Admin.Users;

/// <summary>The administrator's home: every account, its roles and teams. No case content.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageUsers))]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    public IReadOnlyList<ListUsers.Row> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await sender.Send(new ListUsers.Query(Filter));
}
