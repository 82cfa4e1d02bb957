using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class GoalModel(ISender sender) : EpisodeFormModel<AddPlanGoal.Command>(sender)
{
    protected override string Done => "Goal added to the family plan";

    protected override AddPlanGoal.Command NewInput(GetEpisode.Result episode) => new() { EpisodeId = episode.Id, Version = episode.Plan.Version };

    protected override AddPlanGoal.Command WithEpisode(AddPlanGoal.Command input, Guid episodeId) => input with { EpisodeId = episodeId };
}
