using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Whether the child was offered a return interview, whether they accepted it, and when it was held.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReturnInterviewModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
{
    [BindProperty]
    public RecordReturnInterview.Command Input { get; set; } = new();

    public GetPeriodsOfCare.Missing? Episode { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid missingId)
    {
        await LoadForWorkerEventAsync(id);
        if (Care.Latest is not { } period || Find(missingId) is not { } missing)
        {
            return NotFound();
        }

        Episode = missing;
        Input = new RecordReturnInterview.Command
        {
            PersonId = id, PeriodOfCareId = period.Id, Version = period.Version, MissingEpisodeId = missingId,
            ReturnInterviewOffered = missing.ReturnInterviewOffered, ReturnInterviewAccepted = missing.ReturnInterviewAccepted, ReturnInterviewHeldOn = missing.ReturnInterviewHeldOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid missingId)
    {
        Input = Input with { PersonId = id, MissingEpisodeId = missingId };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/LookedAfter/Index", new { id }, "Recorded: the return interview");
    }

    public override async Task LoadDisplayDataAsync()
    {
        await LoadCareAsync(Input.PersonId);
        Episode = Find(Input.MissingEpisodeId);
    }

    private GetPeriodsOfCare.Missing? Find(Guid missingId) => Care.Latest?.MissingEpisodes.FirstOrDefault(m => m.Id == missingId);
}
