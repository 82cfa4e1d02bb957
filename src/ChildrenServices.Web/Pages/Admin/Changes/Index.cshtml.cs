using ChildrenServices.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Admin.Changes;

/// <summary>Every administrative change, with its values before and after (issue 15).</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageUsers))]
public sealed class IndexModel(ISender sender) : PageModel
{
    public ListAdministrativeChanges.Result History { get; private set; } = default!;

    public async Task OnGetAsync(int pageNumber = 1) => History = await sender.Send(new ListAdministrativeChanges.Query(pageNumber));

    public string PageLink(int page) => Url.Page("/Admin/Changes/Index", new { pageNumber = page })!;
}
