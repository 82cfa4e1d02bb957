using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child stops being looked after: the date and why.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LeaveModel(ISender sender, TimeProvider clock) : CareFormModel<LeaveCare.Command>(sender, clock)
{
    protected override string Done => "Recorded: the child has left care";

    protected override LeaveCare.Command? NewInput() =>
        Care.Open is { } open ? new() { PersonId = PersonId, PeriodOfCareId = open.Id, Version = open.Version } : null;

    protected override LeaveCare.Command ForThisPage(LeaveCare.Command input) => input with { PersonId = PersonId };
}
