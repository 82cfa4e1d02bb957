using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child becomes looked after: the legal status, the category of need and the placement.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class StartModel(ISender sender, TimeProvider clock) : CareFormModel<BecomeLookedAfter.Command>(sender, clock), IPlacementForm
{
    IPlacementInput IPlacementForm.Input => Input;

    protected override string Done => "Recorded: the child is looked after";

    protected override BecomeLookedAfter.Command? NewInput() =>
        Care.Open is null ? new() { PersonId = PersonId } : null;

    protected override BecomeLookedAfter.Command ForThisPage(BecomeLookedAfter.Command input) => input with { PersonId = PersonId };
}
