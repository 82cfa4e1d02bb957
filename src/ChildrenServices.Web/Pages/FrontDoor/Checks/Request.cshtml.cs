using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Ask one or more partner agencies what they know, with the time their answers are due.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordContacts))]
public sealed class RequestModel(ISender sender, TimeProvider clock, FrontDoorSettings settings) : FormPageModel(sender)
{
    /// <summary>The contact's reference and its checks, for the page to show.</summary>
    public GetMashChecks.Result Checks { get; private set; } = default!;

    public string ContactUrl => ContactChecks.ContactUrl(Input.ContactId);

    [BindProperty]
    public RequestMashChecks.Command Input { get; set; } = new();

    public int DefaultHours => settings.MashCheckResponseHours;

    public async Task OnGetAsync(Guid id)
    {
        Checks = await Sender.Send(new GetMashChecks.Query(id));
        var due = UkTime.ToLocal(clock.GetUtcNow().UtcDateTime.AddHours(settings.MashCheckResponseHours));
        Input = new RequestMashChecks.Command
        {
            ContactId = id,
            Version = Checks.Version,
            DueDate = DateOnly.FromDateTime(due),
            DueTime = due.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        var count = Input.Agencies.Count;
        return ContactChecks.BackToContact(this, id, count == 1 ? "Check requested from 1 agency" : $"Checks requested from {count} agencies");
    }

    public override async Task LoadDisplayDataAsync() => Checks = await Sender.Send(new GetMashChecks.Query(Input.ContactId));
}
