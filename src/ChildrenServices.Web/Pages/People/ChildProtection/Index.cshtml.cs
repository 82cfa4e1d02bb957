using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>Strategy discussions, section 47 enquiries and initial conferences for the child, with what is due next.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public GetChildProtection.Result ChildProtection { get; private set; } = new(false, []);

    public async Task OnGetAsync(Guid id)
    {
        ChildProtection = await sender.Send(new GetChildProtection.Query(id));
    }
}
