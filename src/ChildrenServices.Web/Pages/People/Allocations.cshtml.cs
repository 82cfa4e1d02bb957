using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Everyone who has held the child's case, and every transfer with its handover note.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class AllocationsModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public GetAllocationHistory.Result History { get; private set; } = new([], []);

    public async Task OnGetAsync(Guid id)
    {
        History = await sender.Send(new GetAllocationHistory.Query(id));
    }
}
