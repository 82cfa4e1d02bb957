using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>Correct or complete a contact's details before it is decided.</summary>
[Authorize(Policy = nameof(Permission.RecordContacts))]
public sealed class EditModel(ISender sender) : FormPageModel(sender), IContactDetailsForm
{
    [BindProperty]
    public UpdateContactDetails.Command Input { get; set; } = new();

    ContactDetailsInput IContactDetailsForm.Input => Input;

    public string Reference { get; private set; } = string.Empty;

    public async Task OnGetAsync(Guid id)
    {
        var c = await Sender.Send(new GetContact.Query(id));
        Reference = c.Reference;
        var received = Application.UkTime.ToLocal(c.ReceivedAtUtc);
        Input = new UpdateContactDetails.Command
        {
            ContactId = id,
            Version = c.Version,
            Route = c.Route,
            ReceivedDate = DateOnly.FromDateTime(received),
            ReceivedTime = received.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Urgency = c.Urgency,
            ReferrerName = c.Referrer.Name,
            ReferrerAgency = c.Referrer.Agency,
            ReferrerRole = c.Referrer.Role,
            ReferrerPhone = c.Referrer.Phone,
            ReferrerEmail = c.Referrer.Email,
            ReferralSourceCode = c.Referrer.SourceCode,
            Concerns = c.Account.Concerns,
            WorkingWell = c.Account.WorkingWell,
            Worries = c.Account.Worries,
            LivedExperience = c.Account.LivedExperience,
            Consent = c.Consent,
            ConsentOverrideReason = c.ConsentOverrideReason,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        return await SendAndReturnAsync(Input, "/FrontDoor/Contacts/Details", new { id }, "Contact details saved");
    }

    public override async Task LoadDisplayDataAsync() =>
        Reference = (await Sender.Send(new GetContact.Query(Input.ContactId))).Reference;
}
