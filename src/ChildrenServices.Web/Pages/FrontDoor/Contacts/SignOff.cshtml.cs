using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>A manager agrees a front-door decision or returns it with a reason.</summary>
[KeepsDraft(DraftScope.Contact)]
[Authorize(Policy = nameof(Permission.SignOffContactDecisions))]
public sealed class SignOffModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public SignOffDecision.Command Input { get; set; } = new();

    public GetContact.Result Contact { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Contact = await Sender.Send(new GetContact.Query(id));
        Input = new SignOffDecision.Command { ContactId = id, Version = Contact.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var next = await Sender.Send(Input);
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, next);
    }

    public override async Task LoadDisplayDataAsync() => Contact = await Sender.Send(new GetContact.Query(Input.ContactId));
}
