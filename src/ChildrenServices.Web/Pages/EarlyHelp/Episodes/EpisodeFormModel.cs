using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>A form about one episode: loads the episode for the page, sends the command, returns to the episode.</summary>
public abstract class EpisodeFormModel<TCommand>(ISender sender) : FormPageModel(sender)
    where TCommand : class, ICommand
{
    [BindProperty]
    public TCommand Input { get; set; } = default!;

    public GetEpisode.Result Episode { get; private set; } = default!;

    protected Guid EpisodeId => Guid.Parse(RouteData.Values["id"]!.ToString()!);

    public async Task OnGetAsync()
    {
        Episode = await Sender.Send(new GetEpisode.Query(EpisodeId));
        Input = NewInput(Episode);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input = WithEpisode(Input, EpisodeId);
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/EarlyHelp/Episodes/Index", new { id = EpisodeId }, Done);
    }

    public override async Task LoadDisplayDataAsync() => Episode = await Sender.Send(new GetEpisode.Query(EpisodeId));

    /// <summary>The banner after a successful save.</summary>
    protected abstract string Done { get; }

    /// <summary>The form as first shown, with the version the user is editing.</summary>
    protected abstract TCommand NewInput(GetEpisode.Result episode);

    /// <summary>The posted command, tied to the episode in the address (never to one in the form).</summary>
    protected abstract TCommand WithEpisode(TCommand input, Guid episodeId);
}
