using ChildrenServices.Application.Notifications;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Notifications;

/// <summary>Opening an alert marks it read and goes where it points (only ever a page of this site).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpenModel(ISender sender) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var link = await sender.Send(new OpenNotification.Command(id));
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : Redirect("/");
    }
}
