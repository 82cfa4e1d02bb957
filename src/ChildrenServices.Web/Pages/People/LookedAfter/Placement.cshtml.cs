using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child moved, to new carers or with the same ones; a legal status change the same day goes with it.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class PlacementModel(ISender sender, TimeProvider clock) : CareFormModel<RecordPlacementChange.Command>(sender, clock), IPlacementForm
{
    IPlacementInput IPlacementForm.Input => Input;

    protected override string Done => "Recorded: the placement changed";

    protected override RecordPlacementChange.Command? NewInput() =>
        Care.Open is { } open ? new() { PersonId = PersonId, PeriodOfCareId = open.Id, Version = open.Version } : null;

    protected override RecordPlacementChange.Command ForThisPage(RecordPlacementChange.Command input) => input with { PersonId = PersonId };
}
