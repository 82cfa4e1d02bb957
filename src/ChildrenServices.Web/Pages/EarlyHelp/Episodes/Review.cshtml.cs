using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : EpisodeFormModel<RecordTafReview.Command>(sender)
{
    protected override string Done => "Team Around the Family review recorded";

    protected override RecordTafReview.Command NewInput(GetEpisode.Result episode) => new()
    {
        EpisodeId = episode.Id,
        Version = episode.Plan.Version,
        HeldOn = Application.UkTime.Today(clock),
        Progress = episode.Plan.Goals.Select(g => new RecordTafReview.ProgressInput { GoalId = g.Id }).ToList(),
    };

    protected override RecordTafReview.Command WithEpisode(RecordTafReview.Command input, Guid episodeId) => input with { EpisodeId = episodeId };
}
