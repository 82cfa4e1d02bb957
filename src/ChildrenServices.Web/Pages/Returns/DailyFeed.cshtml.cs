using ChildrenServices.Application.Returns.Feed;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// The DfE's daily children's social care feed: where it goes, what the destination holds, the latest requests and their
/// answers, and a button to send it now rather than wait for the night's run.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class DailyFeedModel(ISender sender) : PageModel, IReloadsDisplayData
{
    public GetDailyFeed.Result Feed { get; private set; } = default!;

    /// <summary>What the run just made did, shown once after it.</summary>
    public DailyFeedRun? Ran { get; private set; }

    public async Task OnGetAsync() => await LoadDisplayDataAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Ran = await sender.Send(new RunDailyFeed.Command());
        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task LoadDisplayDataAsync() => Feed = await sender.Send(new GetDailyFeed.Query());
}
