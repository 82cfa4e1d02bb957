using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>A form about the MASH checks on one contact: it shows the contact's reference and its checks, and returns to the contact.</summary>
public abstract class ContactChecksPageModel(ISender sender) : FormPageModel(sender)
{
    public GetMashChecks.Result Checks { get; private set; } = default!;

    public Guid ContactId { get; private set; }

    public string ContactUrl => $"/FrontDoor/Contacts/{ContactId}";

    protected async Task LoadChecksAsync(Guid contactId)
    {
        ContactId = contactId;
        Checks = await Sender.Send(new GetMashChecks.Query(contactId));
    }

    /// <summary>Back to the contact page with a banner. A URL, not a page name: the contact page lives in its own area.</summary>
    protected IActionResult RedirectToContact(Guid contactId, string message)
    {
        TempData["Banner"] = message;
        return LocalRedirect($"/FrontDoor/Contacts/{contactId}");
    }
}
