using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class AssessmentModel(ISender sender) : EpisodeFormModel<RecordEarlyHelpAssessment.Command>(sender)
{
    protected override string Done => Input.Complete ? "Assessment completed" : "Assessment saved";

    protected override RecordEarlyHelpAssessment.Command NewInput(GetEpisode.Result episode) => new()
    {
        EpisodeId = episode.Id,
        Version = episode.Assessment.Version,
        Worries = episode.Assessment.Worries,
        WorkingWell = episode.Assessment.WorkingWell,
        NeedsToHappen = episode.Assessment.NeedsToHappen,
        Scaling = episode.Assessment.Scaling,
        Voices = episode.Children.Select(c => new RecordEarlyHelpAssessment.VoiceInput
        {
            ChildId = c.Id,
            Voice = episode.Assessment.Voices.FirstOrDefault(v => v.ChildId == c.Id)?.Voice,
        }).ToList(),
    };

    protected override RecordEarlyHelpAssessment.Command WithEpisode(RecordEarlyHelpAssessment.Command input, Guid episodeId) => input with { EpisodeId = episodeId };
}
