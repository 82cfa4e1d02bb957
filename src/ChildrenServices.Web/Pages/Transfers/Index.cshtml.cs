using ChildrenServices.Application.Allocations;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Transfers;

/// <summary>The receiving manager reads the handover and accepts the case, choosing the worker with caseloads in view.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class IndexModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public AcceptTransfer.Command Input { get; set; } = new();

    public GetTransfer.Result Transfer { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Input = new AcceptTransfer.Command { TransferId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Transfer.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { TransferId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var message = await Sender.Send(Input);
        return RedirectWithBanner("/Team", null, message);
    }

    public override async Task LoadDisplayDataAsync() => Transfer = await Sender.Send(new GetTransfer.Query(Input.TransferId));
}
