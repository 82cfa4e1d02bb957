using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Approvals;

/// <summary>Approve or reject a step-up with written rationale.</summary>
[Authorize(Policy = nameof(Permission.DecideApprovals))]
public sealed class DecideModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public DecideApproval.Command Input { get; set; } = new();

    public GetApprovals.Row? Pending { get; private set; }

    public GetRoutingOptions.Result Routing { get; private set; } = new([], [], []);

    public async Task OnGetAsync(Guid id)
    {
        Input = new DecideApproval.Command { RequestId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Pending?.Version ?? Guid.Empty };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var message = await Sender.Send(Input);
        return RedirectWithBanner("/Approvals/Index", null, message);
    }

    public override async Task LoadDisplayDataAsync()
    {
        Pending = (await Sender.Send(new GetApprovals.Query())).FirstOrDefault(r => r.Id == Input.RequestId);
        Routing = await Sender.Send(new GetRoutingOptions.Query());
    }
}
