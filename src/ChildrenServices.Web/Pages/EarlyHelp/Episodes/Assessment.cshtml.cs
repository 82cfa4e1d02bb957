using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>The early help assessment: what worries, what is working well, what needs to happen, the scaling and each child's voice.</summary>
[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class AssessmentModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public RecordEarlyHelpAssessment.Command Input { get; set; } = new();

    /// <summary>The episode the form is about, for the page to show.</summary>
    public GetEpisode.Result Episode { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Episode = await EpisodeForms.ToRecordOnAsync(Sender, id);
        Input = new()
        {
            EpisodeId = Episode.Id,
            Version = Episode.Assessment.Version,
            Worries = Episode.Assessment.Worries,
            WorkingWell = Episode.Assessment.WorkingWell,
            NeedsToHappen = Episode.Assessment.NeedsToHappen,
            Scaling = Episode.Assessment.Scaling,
            Voices = Episode.Children.Select(c => new RecordEarlyHelpAssessment.VoiceInput
            {
                ChildId = c.Id,
                Voice = Episode.Assessment.Voices.FirstOrDefault(v => v.ChildId == c.Id)?.Voice,
            }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { EpisodeId = id };
        return await SendAndReturnAsync(Input, "/EarlyHelp/Episodes/Index", new { id }, Input.Complete ? "Assessment completed" : "Assessment saved");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await EpisodeForms.ToRecordOnAsync(Sender, Input.EpisodeId);
}
