using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>Record a contact. Started from a child's record, the child is already on it.</summary>
[Authorize(Policy = nameof(Permission.RecordContacts))]
public sealed class NewModel(ISender sender, TimeProvider clock) : FormPageModel(sender), IContactDetailsForm
{
    [BindProperty]
    public RecordContact.Command Input { get; set; } = new();

    ContactDetailsInput IContactDetailsForm.Input => Input;

    public string? ChildName { get; private set; }

    public async Task OnGetAsync(Guid? childId)
    {
        var now = UkTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        Input = new RecordContact.Command
        {
            ChildId = childId,
            ReceivedDate = DateOnly.FromDateTime(now),
            ReceivedTime = now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Urgency = ContactUrgency.Routine,
            Route = ContactRoute.PhoneConsultation,
        };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var id = await Sender.Send(Input);
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, "Contact recorded");
    }

    public override async Task LoadDisplayDataAsync()
    {
        if (Input.ChildId is { } childId)
        {
            ChildName = (await Sender.Send(new GetPersonSummary.Query(childId))).FullName;
        }
    }
}
