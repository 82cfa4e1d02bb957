using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>
/// The reference and what happens next. Shows only the reference this browser was just given, once:
/// read from TempData and so gone afterwards, leaving nothing behind on a shared computer.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmationModel : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public IActionResult OnGet()
    {
        if (TempData[RequestPageModel.ReferenceKey] is not string reference)
        {
            return Redirect("/request");
        }

        Reference = reference;
        return Page();
    }
}
