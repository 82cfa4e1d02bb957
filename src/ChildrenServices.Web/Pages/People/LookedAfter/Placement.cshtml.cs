using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child moved, to new carers or with the same ones; a legal status change the same day goes with it.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class PlacementModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock), IPlacementForm
{
    [BindProperty]
    public RecordPlacementChange.Command Input { get; set; } = new();

    IPlacementInput IPlacementForm.Input => Input;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadForWorkerEventAsync(id);
        if (Care.Open is not { } open)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id });
        }

        Input = new RecordPlacementChange.Command { PersonId = id, PeriodOfCareId = open.Id, Version = open.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the placement changed");
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(Input.PersonId);
}
