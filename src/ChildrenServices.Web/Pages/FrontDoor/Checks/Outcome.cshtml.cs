using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Record the MASH outcome: what the partners' answers add up to, with an overall RAG rating.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordContacts))]
public sealed class OutcomeModel(ISender sender) : FormPageModel(sender)
{
    /// <summary>The contact's reference and its checks, for the page to show.</summary>
    public GetMashChecks.Result Checks { get; private set; } = default!;

    public string ContactUrl => ContactChecks.ContactUrl(Input.ContactId);

    [BindProperty]
    public RecordMashOutcome.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        Checks = await Sender.Send(new GetMashChecks.Query(id));
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
        return ContactChecks.BackToContact(this, id, "MASH outcome recorded");
    }

    public override async Task LoadDisplayDataAsync() => Checks = await Sender.Send(new GetMashChecks.Query(Input.ContactId));
}
