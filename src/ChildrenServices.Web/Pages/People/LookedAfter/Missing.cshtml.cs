using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child went missing or was away from placement without authorisation, and perhaps has come back.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class MissingModel(ISender sender, TimeProvider clock) : CareFormModel<RecordMissingEpisode.Command>(sender, clock)
{
    protected override string Done => "Recorded: missing from placement";

    protected override RecordMissingEpisode.Command? NewInput() =>
        Care.Latest is { } period ? new() { PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version } : null;

    protected override RecordMissingEpisode.Command ForThisPage(RecordMissingEpisode.Command input) => input with { PersonId = PersonId };
}
