using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Ask one or more partner agencies what they know, with the time their answers are due.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordContacts))]
public sealed class RequestModel(ISender sender, TimeProvider clock, FrontDoorSettings settings) : ContactChecksPageModel(sender)
{
    [BindProperty]
    public RequestMashChecks.Command Input { get; set; } = new();

    public int DefaultHours => settings.MashCheckResponseHours;

    public async Task OnGetAsync(Guid id)
    {
        await LoadChecksAsync(id);
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
        return RedirectToContact(id, count == 1 ? "Check requested from 1 agency" : $"Checks requested from {count} agencies");
    }

    public override Task LoadDisplayDataAsync() => LoadChecksAsync(Input.ContactId);
}
