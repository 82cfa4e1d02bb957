using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>An action towards one goal of the family plan: who does what, by when.</summary>
[KeepsDraft(DraftScope.Episode, Subject = "goalId")]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class ActionModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public AddPlanAction.Command Input { get; set; } = new();

    /// <summary>The episode the form is about, for the page to show.</summary>
    public GetEpisode.Result Episode { get; private set; } = default!;

    public string GoalDescription => Episode.Plan.Goals.FirstOrDefault(g => g.Id == Input.GoalId)?.Description ?? "Goal";

    public async Task OnGetAsync(Guid id, Guid goalId)
    {
        Episode = await EpisodeForms.ToRecordOnAsync(Sender, id);
        Input = new() { EpisodeId = Episode.Id, Version = Episode.Plan.Version, GoalId = goalId };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid goalId)
    {
        Input = Input with { EpisodeId = id, GoalId = goalId };
        return await SendAndReturnAsync(Input, "/EarlyHelp/Episodes/Index", new { id }, "Action added to the family plan");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await EpisodeForms.ToRecordOnAsync(Sender, Input.EpisodeId);
}
