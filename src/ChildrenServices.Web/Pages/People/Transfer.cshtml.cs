using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>A manager of the team holding the case transfers it to another team with a handover note.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class TransferModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

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
        return await SendAndReturnAsync(Input, "/People/Allocations", new { id }, "Transfer sent: your team keeps the case until the receiving team's manager accepts it and allocates a worker");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Options = await Sender.Send(new GetTransferOptions.Query(Input.PersonId));
    }
}
