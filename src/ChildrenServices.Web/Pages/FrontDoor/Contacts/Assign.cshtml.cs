using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>A manager gives a contact to a front-door practitioner.</summary>
[Authorize(Policy = nameof(Permission.AssignContacts))]
public sealed class AssignModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public AssignContact.Command Input { get; set; } = new();

    public GetContact.Result Contact { get; private set; } = default!;

    public GetRoutingOptions.Result Routing { get; private set; } = new([], [], []);

    public async Task OnGetAsync(Guid id)
    {
        Contact = await Sender.Send(new GetContact.Query(id));
        Input = new AssignContact.Command { ContactId = id, Version = Contact.Version, AssigneeId = Contact.AssignedToId };
        Routing = await Sender.Send(new GetRoutingOptions.Query());
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        Routing = await Sender.Send(new GetRoutingOptions.Query());
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, $"Contact assigned to {Routing.NameOf(Input.AssigneeId)}");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Contact = await Sender.Send(new GetContact.Query(Input.ContactId));
        Routing = await Sender.Send(new GetRoutingOptions.Query());
    }
}
