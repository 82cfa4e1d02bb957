using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

[KeepsDraft(DraftScope.Episode, Subject = "goalId")]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class ActionModel(ISender sender) : EpisodeFormModel<AddPlanAction.Command>(sender)
{
    private Guid GoalId => Guid.Parse(RouteData.Values["goalId"]!.ToString()!);

    public string GoalDescription => Episode.Plan.Goals.FirstOrDefault(g => g.Id == GoalId)?.Description ?? "Goal";

    protected override string Done => "Action added to the family plan";

    protected override AddPlanAction.Command NewInput(GetEpisode.Result episode) => new() { EpisodeId = episode.Id, Version = episode.Plan.Version, GoalId = GoalId };

    protected override AddPlanAction.Command WithEpisode(AddPlanAction.Command input, Guid episodeId) => input with { EpisodeId = episodeId, GoalId = GoalId };
}
