using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>The early help episode ends.</summary>
[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class EndModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    [BindProperty]
    public EndEpisode.Command Input { get; set; } = new();

    /// <summary>The episode the form is about, for the page to show.</summary>
    public GetEpisode.Result Episode { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Episode = await EpisodeForms.ToRecordOnAsync(Sender, id);
        Input = new() { EpisodeId = Episode.Id, Version = Episode.Version, EndedOn = Application.UkTime.Today(clock) };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { EpisodeId = id };
        return await SendAndReturnAsync(Input, "/EarlyHelp/Episodes/Index", new { id }, "Early help ended");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await EpisodeForms.ToRecordOnAsync(Sender, Input.EpisodeId);
}
