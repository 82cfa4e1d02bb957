using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child was found or came back.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReturnModel(ISender sender, TimeProvider clock) : MissingFormModel<RecordReturn.Command>(sender, clock)
{
    protected override string Done => "Recorded: the child came back";

    protected override RecordReturn.Command NewInput(GetPeriodsOfCare.Period period, GetPeriodsOfCare.Missing missing) =>
        new() { PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version, MissingEpisodeId = missing.Id };

    protected override RecordReturn.Command ForThisPage(RecordReturn.Command input) => input with { PersonId = PersonId, MissingEpisodeId = MissingId };
}
