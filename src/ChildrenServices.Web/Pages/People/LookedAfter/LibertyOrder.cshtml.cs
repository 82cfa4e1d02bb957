using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A court made a deprivation of liberty order for the child, and perhaps it has ended.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LibertyOrderModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordDeprivationOfLiberty.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        if (Care.Latest is not { } period)
        {
            return RedirectToPage(CareForms.Overview, new { id });
        }

        Input = new() { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the deprivation of liberty order");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
