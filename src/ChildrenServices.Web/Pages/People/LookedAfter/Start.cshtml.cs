using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child becomes looked after: the legal status, the category of need and the placement.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class StartModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock), IPlacementForm
{
    [BindProperty]
    public BecomeLookedAfter.Command Input { get; set; } = new();

    IPlacementInput IPlacementForm.Input => Input;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadForWorkerEventAsync(id);
        if (Care.Open is not null)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id });
        }

        Input = new BecomeLookedAfter.Command { PersonId = id };
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
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the child is looked after");
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(Input.PersonId);
}
