using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A statutory visit: the date, whether the child was seen, and seen alone.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class VisitModel(ISender sender, TimeProvider clock) : CareFormModel<RecordClaVisit.Command>(sender, clock)
{
    protected override string Done => "Recorded: the visit";

    protected override RecordClaVisit.Command? NewInput() =>
        Care.Latest is { } period ? new() { PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version } : null;

    protected override RecordClaVisit.Command ForThisPage(RecordClaVisit.Command input) => input with { PersonId = PersonId };
}
