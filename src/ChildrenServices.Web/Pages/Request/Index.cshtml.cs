using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>The start page. "Start now" makes a fresh draft, replacing any earlier one in this browser.</summary>
[AllowAnonymous]
public sealed class IndexModel(ISender sender) : RequestPageModel(sender)
{
    public bool Expired { get; private set; }

    public void OnGet(bool expired) => Expired = expired;

    public async Task<IActionResult> OnPostAsync()
    {
        if (HoneypotFilled)
        {
            return await DiscardAsync();
        }

        if (await LoadDraftAsync())
        {
            await Sender.Send(new DiscardOnlineRequestDraft.Command(DraftId));
        }

        RememberDraft(await Sender.Send(new StartOnlineRequest.Command()));
        return Redirect("/request/who");
    }
}
