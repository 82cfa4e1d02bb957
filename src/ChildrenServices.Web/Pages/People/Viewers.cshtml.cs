using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Who has opened or changed the record: managers' check that access is proper.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewRecordViewers))]
public sealed class ViewersModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public GetRecordViewers.Result Viewers { get; private set; } = default!;

    public async Task OnGetAsync(Guid id, int pageNumber = 1)
    {
        Viewers = await sender.Send(new GetRecordViewers.Query(id, pageNumber));
    }
}
