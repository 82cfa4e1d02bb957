using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>What the forms about a contact's MASH checks share, as helpers rather than a base class: the way back to the contact.</summary>
public static class ContactChecks
{
    /// <summary>The contact page. A URL, not a page name: the contact page lives in its own area.</summary>
    public static string ContactUrl(Guid contactId) => $"/FrontDoor/Contacts/{contactId}";

    /// <summary>Back to the contact page with a banner.</summary>
    public static IActionResult BackToContact(PageModel page, Guid contactId, string message)
    {
        page.TempData["Banner"] = message;
        return page.LocalRedirect(ContactUrl(contactId));
    }
}
