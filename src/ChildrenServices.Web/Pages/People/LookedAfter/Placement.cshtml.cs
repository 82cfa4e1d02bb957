using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child moved, to new carers or with the same ones; a legal status change the same day goes with it.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class PlacementModel(ISender sender, PersonContext person) : FormPageModel(sender), IPlacementForm
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordPlacementChange.Command Input { get; set; } = new();

    IPlacementInput IPlacementForm.Input => Input;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        if (Care.Open is not { } open)
        {
            return RedirectToPage(CareForms.Overview, new { id });
        }

        Input = new() { PersonId = id, PeriodOfCareId = open.Id, Version = open.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the placement changed");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
