using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>The keyworker asks the team manager to step the family up, with reasons.</summary>
[KeepsDraft(DraftScope.Episode)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class StepUpModel(ISender sender) : FormPageModel(sender)
{
    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Urgency { get; } =
    [
        new("Urgent: risk is rising and the family needs a decision today", "true"),
        new("Routine: the manager's usual turn-round", "false"),
    ];

    [BindProperty]
    public RequestStepUp.Command Input { get; set; } = new();

    public GetEpisode.Result Episode { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Input = new RequestStepUp.Command { EpisodeId = id };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { EpisodeId = id };
        return await SendAndReturnAsync(Input, "/EarlyHelp/Episodes/Index", new { id }, "Step-up request sent to the team manager for a decision");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await EpisodeForms.ToRecordOnAsync(Sender, Input.EpisodeId);
}
