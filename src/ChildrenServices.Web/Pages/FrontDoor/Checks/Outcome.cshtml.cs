using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Record the MASH outcome: what the partners' answers add up to, with an overall RAG rating.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordContacts))]
public sealed class OutcomeModel(ISender sender) : ContactChecksPageModel(sender)
{
    [BindProperty]
    public RecordMashOutcome.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        await LoadChecksAsync(id);
        Input = new RecordMashOutcome.Command { ContactId = id, Version = Checks.Version, Outcome = Checks.Outcome, Rag = Checks.OutcomeRag };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectToContact(id, "MASH outcome recorded");
    }

    public override Task LoadDisplayDataAsync() => LoadChecksAsync(Input.ContactId);
}
