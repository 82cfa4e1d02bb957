using ChildrenServices.Application.Allocations;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Transfers;

/// <summary>The receiving manager declines with a reason; the sending team keeps the case and reads why.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class DeclineModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public DeclineTransfer.Command Input { get; set; } = new();

    public GetTransfer.Result Transfer { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Input = new DeclineTransfer.Command { TransferId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Transfer.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { TransferId = id };
        return await SendAndReturnAsync(Input, "/Team", null, "Transfer declined: the sending team keeps the case and can read your reason");
    }

    public override async Task LoadDisplayDataAsync() => Transfer = await Sender.Send(new GetTransfer.Query(Input.TransferId));
}
