using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Checks;

/// <summary>Record what a partner agency said in answer to one check, and a RAG rating.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordContacts))]
public sealed class ResponseModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    /// <summary>The contact's reference and its checks, for the page to show.</summary>
    public GetMashChecks.Result Checks { get; private set; } = default!;

    public string ContactUrl => ContactChecks.ContactUrl(Input.ContactId);

    [BindProperty]
    public RecordMashCheckResponse.Command Input { get; set; } = new();

    public GetMashChecks.Row Check { get; private set; } = default!;

    public async Task OnGetAsync(Guid id, Guid checkId)
    {
        Input = new RecordMashCheckResponse.Command { ContactId = id, CheckId = checkId };
        await LoadDisplayDataAsync();
        var now = UkTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        Input = Input with
        {
            Version = Checks.Version,
            RespondedDate = DateOnly.FromDateTime(now),
            RespondedTime = now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid checkId)
    {
        Input = Input with { ContactId = id, CheckId = checkId };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        await LoadDisplayDataAsync();
        return ContactChecks.BackToContact(this, id, $"Response from {Check.AgencyText} recorded");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Checks = await Sender.Send(new GetMashChecks.Query(Input.ContactId));

        // A check id from another contact is as unknown as one that does not exist.
        Check = Checks.Checks.SingleOrDefault(c => c.Id == Input.CheckId) ?? throw new NotFoundException("Page not found");
    }
}
