using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class EndModel(ISender sender, TimeProvider clock) : EpisodeFormModel<EndEpisode.Command>(sender)
{
    protected override string Done => "Early help ended";

    protected override EndEpisode.Command NewInput(GetEpisode.Result episode) =>
        new() { EpisodeId = episode.Id, Version = episode.Version, EndedOn = Application.UkTime.Today(clock) };

    protected override EndEpisode.Command WithEpisode(EndEpisode.Command input, Guid episodeId) => input with { EpisodeId = episodeId };
}
