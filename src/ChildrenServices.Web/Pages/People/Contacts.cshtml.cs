using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The child's contacts with the front door, referrals and early help requests.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ContactsModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public GetChildContacts.Result History { get; private set; } = default!;

    public IReadOnlyList<Application.Approvals.GetChildApprovals.Row> Decisions { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        History = await sender.Send(new GetChildContacts.Query(id));
        Decisions = await sender.Send(new Application.Approvals.GetChildApprovals.Query(id));
    }
}
