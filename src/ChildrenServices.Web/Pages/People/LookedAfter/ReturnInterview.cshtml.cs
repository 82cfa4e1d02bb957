using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Whether the child was offered a return interview, whether they accepted it, and when it was held.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReturnInterviewModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    /// <summary>The missing episode the form is about, for the page to describe.</summary>
    public GetPeriodsOfCare.Missing? Episode { get; private set; }

    [BindProperty]
    public RecordReturnInterview.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, Guid missingId)
    {
        await LoadEpisodeAsync(id, missingId);
        var (period, missing) = CareForms.MissingEpisode(Care, missingId);
        Input = new()
        {
            PersonId = id, PeriodOfCareId = period.Id, Version = period.Version, MissingEpisodeId = missing.Id,
            ReturnInterviewOffered = missing.ReturnInterviewOffered, ReturnInterviewAccepted = missing.ReturnInterviewAccepted, ReturnInterviewHeldOn = missing.ReturnInterviewHeldOn,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid missingId)
    {
        Input = Input with { PersonId = id, MissingEpisodeId = missingId };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the return interview");
    }

    public override Task LoadDisplayDataAsync() => LoadEpisodeAsync(person.Id, Input.MissingEpisodeId);

    private async Task LoadEpisodeAsync(Guid id, Guid missingId)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        Episode = Care.Latest?.MissingEpisodes.FirstOrDefault(m => m.Id == missingId);
    }
}
