using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>The contact as the front door works it: people, what was said, checks, history, decision.</summary>
[Authorize(Policy = nameof(Permission.ViewChildRecord))]
public sealed class DetailsModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    public GetContact.Result Contact { get; private set; } = default!;

    public GetPreviousInvolvement.Result Previous { get; private set; } = default!;

    public GetMashChecks.Result Checks { get; private set; } = default!;

    public DateTime NowUtc { get; private set; }

    public DateOnly Today => Application.UkTime.Today(clock);

    [BindProperty]
    public Guid Version { get; set; }

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostTakeAsync(Guid id, bool take = true)
    {
        await Sender.Send(new TakeContact.Command { ContactId = id, Version = Version, Take = take });
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, take ? "You now hold this contact" : "Contact returned to the queue");
    }

    public async Task<IActionResult> OnPostRemovePersonAsync(Guid id, Guid personId)
    {
        await Sender.Send(new RemovePersonFromContact.Command(id, personId));
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, "Removed from the contact");
    }

    public override Task LoadDisplayDataAsync() => LoadAsync(Guid.Parse(RouteData.Values["id"]!.ToString()!));

    private async Task LoadAsync(Guid id)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Contact = await Sender.Send(new GetContact.Query(id));
        Previous = await Sender.Send(new GetPreviousInvolvement.Query(id));
        Checks = await Sender.Send(new GetMashChecks.Query(id));
        Version = Contact.Version;
    }
}
