using ChildrenServices.Application.People;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Who has opened or changed the record: managers' check that access is proper.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewRecordViewers))]
public sealed class ViewersModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public GetRecordViewers.Result Viewers { get; private set; } = default!;

    public async Task OnGetAsync(Guid id, int pageNumber = 1)
    {
        await LoadPersonAsync(id);
        Viewers = await Sender.Send(new GetRecordViewers.Query(id, pageNumber));
    }
}
