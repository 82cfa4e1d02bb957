using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// The record's overview: what is open now, what is due next, the latest significant events and the
/// people around the child, then who the person is and where they live.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class RecordModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    /// <summary>Null for an adult: adults have no episodes of their own.</summary>
    public GetRecordOverview.Overview? Overview { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        await LoadDetailsAsync(id);
        if (Person.Type == PersonType.Child)
        {
            Overview = await Sender.Send(new GetRecordOverview.Query(id));
        }
    }
}
