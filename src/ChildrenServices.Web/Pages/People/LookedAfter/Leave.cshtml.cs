using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child stops being looked after: the date and why.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LeaveModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
{
    [BindProperty]
    public LeaveCare.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadForWorkerEventAsync(id);
        if (Care.Open is not { } open)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id });
        }

        Input = new LeaveCare.Command { PersonId = id, PeriodOfCareId = open.Id, Version = open.Version };
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
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the child has left care");
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(Input.PersonId);
}
