using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The parent's assessment or the connected person's approval that the child's placement was made before is complete.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ApprovalModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordApprovalComplete.Command Input { get; set; } = new();

    /// <summary>The current episode, whose placement waits for the assessment or approval.</summary>
    public GetPeriodsOfCare.Episode? Current => Care.Open?.Current;

    public async Task OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        var period = Care.Open is { Current.PlacementApproval: not PlacementApproval.Approved } open ? open : throw new NotFoundException("Page not found");
        Input = new() { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the assessment or approval is complete");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
