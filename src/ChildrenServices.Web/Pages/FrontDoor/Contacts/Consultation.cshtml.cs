using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>The CADS conversation: discussion, advice, who is best placed, agreed actions, follow-up.</summary>
[KeepsDraft(DraftScope.Contact)]
[Authorize(Policy = nameof(Permission.RecordContacts))]
public sealed class ConsultationModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public RecordConsultation.Command Input { get; set; } = new();

    public string Reference { get; private set; } = string.Empty;

    public async Task OnGetAsync(Guid id)
    {
        var c = await Sender.Send(new GetContact.Query(id));
        Reference = c.Reference;
        Input = new RecordConsultation.Command
        {
            ContactId = id,
            Version = c.Version,
            Discussion = c.Consultation?.Discussion,
            Advice = c.Consultation?.Advice,
            BestPlaced = c.Consultation?.BestPlaced,
            FollowUp = c.Consultation?.FollowUp,
            FollowUpOn = c.Consultation?.FollowUpOn,
            Actions = c.Actions.Select(a => new RecordConsultation.ActionInput { Action = a.Action, Owner = a.Owner, DueOn = a.DueOn }).ToList(),
        };
        PadActions();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        return await SendAndReturnAsync(Input, "/FrontDoor/Contacts/Details", new { id }, "Consultation recorded");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Reference = (await Sender.Send(new GetContact.Query(Input.ContactId))).Reference;
        PadActions();
    }

    /// <summary>Always three rows to fill (up to the limit), so nobody needs script to add one.</summary>
    private void PadActions()
    {
        while (Input.Actions.Count < Math.Min(RecordConsultation.MaxActions, Math.Max(3, Input.Actions.Count + 1)))
        {
            Input.Actions.Add(new RecordConsultation.ActionInput());
        }
    }
}
