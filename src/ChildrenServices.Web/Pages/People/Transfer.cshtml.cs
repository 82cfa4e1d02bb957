using ChildrenServices.Application.Allocations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>A manager of the team holding the case transfers it to another team with a handover note.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class TransferModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty]
    public TransferCase.Command Input { get; set; } = new();

    public GetTransferOptions.Result Options { get; private set; } = new(null, [], [], [], null);

    public async Task OnGetAsync(Guid id)
    {
        Input = new TransferCase.Command { PersonId = id };
        await LoadDisplayDataAsync();
        Input = Input with { SiblingIds = [.. Options.Siblings.Select(s => s.Id)] };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/Allocations", new { id }, "Transfer sent: your team keeps the case until the receiving team's manager accepts it and allocates a worker");
    }

    public override async Task LoadDisplayDataAsync()
    {
        await LoadPersonAsync(Input.PersonId);
        Options = await Sender.Send(new GetTransferOptions.Query(Input.PersonId));
    }
}
