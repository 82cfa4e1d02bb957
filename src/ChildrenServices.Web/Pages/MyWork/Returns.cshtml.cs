using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.MyWork;

/// <summary>The DfE census rules the children I lead break this collection year, each with the record to put it right on.</summary>
[Authorize(Policy = nameof(Permission.ViewChildRecord))]
public sealed class ReturnsModel(ISender sender) : PageModel
{
    public CheckMyChildrensCensus.Result Check { get; private set; } = default!;

    public async Task OnGetAsync() => Check = await sender.Send(new CheckMyChildrensCensus.Query());
}
