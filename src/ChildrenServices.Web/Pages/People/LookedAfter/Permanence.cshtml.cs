using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Previous permanence recorded or corrected after care started, on the child's latest period of care.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class PermanenceModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordPreviousPermanence.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        if (Care.Latest is not { } period)
        {
            return RedirectToPage(CareForms.Overview, new { id });
        }

        var known = period.PreviousPermanence;
        Input = new()
        {
            PersonId = id, PeriodOfCareId = period.Id, Version = period.Version,
            PreviousPermanence = known?.Option, PermanenceLocalAuthority = known?.LocalAuthority,
            PermanenceOrder = new() { Day = known?.OrderDay?.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = known?.OrderMonth?.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = known?.OrderYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: previous permanence");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
