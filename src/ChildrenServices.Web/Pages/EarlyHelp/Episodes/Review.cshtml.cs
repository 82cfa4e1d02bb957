using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>A Team Around the Family review: the progress on each goal of the family plan.</summary>
[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    [BindProperty]
    public RecordTafReview.Command Input { get; set; } = new();

    /// <summary>The episode the form is about, for the page to show.</summary>
    public GetEpisode.Result Episode { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Episode = await EpisodeForms.ToRecordOnAsync(Sender, id);
        Input = new()
        {
            EpisodeId = Episode.Id,
            Version = Episode.Plan.Version,
            HeldOn = Application.UkTime.Today(clock),
            Progress = Episode.Plan.Goals.Select(g => new RecordTafReview.ProgressInput { GoalId = g.Id }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { EpisodeId = id };
        return await SendAndReturnAsync(Input, "/EarlyHelp/Episodes/Index", new { id }, "Team Around the Family review recorded");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await EpisodeForms.ToRecordOnAsync(Sender, Input.EpisodeId);
}
