using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The legal status changed ("interim care order granted") and the child stayed where they were.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LegalStatusModel(ISender sender, TimeProvider clock) : CareFormModel<RecordLegalStatusChange.Command>(sender, clock)
{
    protected override string Done => "Recorded: the legal status changed";

    protected override RecordLegalStatusChange.Command? NewInput() =>
        Care.Open is { } open ? new() { PersonId = PersonId, PeriodOfCareId = open.Id, Version = open.Version } : null;

    protected override RecordLegalStatusChange.Command ForThisPage(RecordLegalStatusChange.Command input) => input with { PersonId = PersonId };
}
