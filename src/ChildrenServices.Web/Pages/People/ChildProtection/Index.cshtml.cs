using ChildrenServices.Application.SocialCare;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>Strategy discussions, section 47 enquiries and initial conferences for the child, with what is due next.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public GetChildProtection.Result ChildProtection { get; private set; } = new(false, []);

    public async Task OnGetAsync(Guid id)
    {
        await LoadPersonAsync(id);
        ChildProtection = await Sender.Send(new GetChildProtection.Query(id));
    }
}
