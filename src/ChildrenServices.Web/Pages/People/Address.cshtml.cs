using ChildrenServices.Application.People;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Record a move to a new address; the address history keeps the old one.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class AddressModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty]
    public RecordMove.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        await LoadForRecordingAsync(id, withDetails: true);
        Input = new RecordMove.Command { PersonId = id, Version = Person.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/Record", new { id }, "New address recorded");
    }

    public override Task LoadDisplayDataAsync() => LoadDetailsAsync(Input.PersonId);
}
