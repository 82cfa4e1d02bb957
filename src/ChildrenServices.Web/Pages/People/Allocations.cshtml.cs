using ChildrenServices.Application.Allocations;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Everyone who has held the child's case, and every transfer with its handover note.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class AllocationsModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public GetAllocationHistory.Result History { get; private set; } = new([], []);

    public async Task OnGetAsync(Guid id)
    {
        await LoadPersonAsync(id);
        History = await Sender.Send(new GetAllocationHistory.Query(id));
    }
}
