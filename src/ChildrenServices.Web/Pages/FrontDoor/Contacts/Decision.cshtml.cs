using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>
/// The decision, in two steps: the form, then "Check your answers" (a consequential decision is
/// confirmed before it takes effect). The answers travel in the form, so nothing is lost between them.
/// </summary>
[KeepsDraft(DraftScope.Contact)]
[Authorize(Policy = nameof(Permission.DecideContacts))]
public sealed class DecisionModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public DecideContact.Command Input { get; set; } = new();

    public GetContact.Result Contact { get; private set; } = default!;

    /// <summary>Previous involvement stays on screen while deciding.</summary>
    public GetPreviousInvolvement.Result Previous { get; private set; } = default!;

    public GetRoutingOptions.Result Routing { get; private set; } = new([], [], []);

    /// <summary>True when showing the answers to check rather than the form.</summary>
    public bool Checking { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Contact = await Sender.Send(new GetContact.Query(id));
        Previous = await Sender.Send(new GetPreviousInvolvement.Query(id));
        Input = new DecideContact.Command { ContactId = id, Version = Contact.Version, ReferralSourceCode = Contact.Referrer.SourceCode };
        await LoadTeamsAsync();
    }

    /// <summary>Validate the form, then show the answers to check.</summary>
    /// <summary>A post with no step named (made by hand: the page's forms always name one) goes back to the form, not to a 500.</summary>
    public IActionResult OnPost(Guid id) => RedirectToPage(new { id });

    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        var correcting = (await Sender.Send(new GetContact.Query(id))).InForce is not null;
        if (correcting && string.IsNullOrWhiteSpace(Input.CorrectionReason))
        {
            ModelState.AddModelError("Input.CorrectionReason", "Say why the earlier decision is being corrected");
        }

        if (await NotReadyToCheckAsync(Input))
        {
            return Page();
        }

        Checking = true;
        await LoadDisplayDataAsync();
        return Page();
    }

    /// <summary>Go back from "Check your answers" to the form, answers intact.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        ModelState.Clear();
        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var next = await Sender.Send(Input);
        return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id }, $"Decision recorded: {Input.Outcome!.Value.Describe()}. {next}");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Contact = await Sender.Send(new GetContact.Query(Input.ContactId));
        Previous = await Sender.Send(new GetPreviousInvolvement.Query(Input.ContactId));
        await LoadTeamsAsync();
    }

    public static string CodeText(CodeSet codes, string? value) => Display.Code(codes, value);

    private async Task LoadTeamsAsync() => Routing = await Sender.Send(new GetRoutingOptions.Query());
}
