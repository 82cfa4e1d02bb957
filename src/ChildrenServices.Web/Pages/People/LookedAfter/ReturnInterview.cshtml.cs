using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Whether the child was offered a return interview, whether they accepted it, and when it was held.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReturnInterviewModel(ISender sender, TimeProvider clock) : MissingFormModel<RecordReturnInterview.Command>(sender, clock)
{
    protected override string Done => "Recorded: the return interview";

    protected override RecordReturnInterview.Command NewInput(GetPeriodsOfCare.Period period, GetPeriodsOfCare.Missing missing) => new()
    {
        PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version, MissingEpisodeId = missing.Id,
        ReturnInterviewOffered = missing.ReturnInterviewOffered, ReturnInterviewAccepted = missing.ReturnInterviewAccepted, ReturnInterviewHeldOn = missing.ReturnInterviewHeldOn,
    };

    protected override RecordReturnInterview.Command ForThisPage(RecordReturnInterview.Command input) => input with { PersonId = PersonId, MissingEpisodeId = MissingId };
}
