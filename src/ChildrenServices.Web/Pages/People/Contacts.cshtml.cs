using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The child's contacts with the front door, referrals and early help requests.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ContactsModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public GetChildContacts.Result History { get; private set; } = default!;

    public IReadOnlyList<Application.Approvals.GetChildApprovals.Row> Decisions { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        await LoadPersonAsync(id);
        History = await Sender.Send(new GetChildContacts.Query(id));
        Decisions = await Sender.Send(new Application.Approvals.GetChildApprovals.Query(id));
    }
}
