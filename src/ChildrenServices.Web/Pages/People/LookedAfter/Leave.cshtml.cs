using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child stops being looked after: the date and why, confirmed on "Check your answers" before it is recorded (ux.md).</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LeaveModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public LeaveCare.Command Input { get; set; } = new();

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

    /// <summary>True when showing the answers to check rather than the form.</summary>
    public bool Checking { get; private set; }

    /// <summary>The form's answers are checked, then shown to confirm.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        await CareForms.RequireRecordingAsync(person, HttpContext);
        Checking = await ReadyToCheckAsync(Input);
        return Page();
    }

    /// <summary>Back from "Check your answers" to the form, answers intact.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        await CareForms.RequireRecordingAsync(person, HttpContext);
        await BackToFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the child has left care");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
