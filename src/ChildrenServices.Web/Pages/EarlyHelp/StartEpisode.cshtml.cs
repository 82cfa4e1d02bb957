using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp;

/// <summary>A locality manager allocates a keyworker to an early help request.</summary>
[Authorize(Policy = nameof(Permission.AllocateWork))]
public sealed class StartEpisodeModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public StartEpisode.Command Input { get; set; } = new();

    public GetEpisodeRequest.Result EhRequest { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Input = new StartEpisode.Command { RequestId = id, Kind = Domain.EarlyHelp.EpisodeKind.EarlyHelp };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var episodeId = await Sender.Send(Input);
        return RedirectWithBanner("/EarlyHelp/Episodes/Index", new { id = episodeId }, "Keyworker allocated: early help has started");
    }

    public override async Task LoadDisplayDataAsync() => EhRequest = await Sender.Send(new GetEpisodeRequest.Query(Input.RequestId));
}
