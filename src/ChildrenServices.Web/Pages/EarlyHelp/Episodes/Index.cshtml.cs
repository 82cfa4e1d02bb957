using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>One family's early help: the assessment, the plan and its progress, reviews, and the end.</summary>
[Authorize(Policy = nameof(Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender) : FormPageModel(sender)
{
    public GetEpisode.Result Episode { get; private set; } = default!;

    public async Task OnGetAsync(Guid id) => Episode = await Sender.Send(new GetEpisode.Query(id));

    public async Task<IActionResult> OnPostCompleteActionAsync(Guid id, Guid actionId, Guid version)
    {
        await Sender.Send(new CompletePlanAction.Command(id, version, actionId));
        return RedirectWithBanner("/EarlyHelp/Episodes/Index", new { id }, "Action marked done");
    }

    public override async Task LoadDisplayDataAsync() => Episode = await Sender.Send(new GetEpisode.Query(Guid.Parse(RouteData.Values["id"]!.ToString()!)));
}
