using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A statutory visit: the date, whether the child was seen, and seen alone.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class VisitModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
{
    [BindProperty]
    public RecordClaVisit.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadForWorkerEventAsync(id);
        if (Care.Latest is not { } period)
        {
            return RedirectToPage("/People/LookedAfter/Index", new { id });
        }

        Input = new RecordClaVisit.Command { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version };
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
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the visit");
    }

    public override Task LoadDisplayDataAsync() => LoadCareAsync(Input.PersonId);
}
