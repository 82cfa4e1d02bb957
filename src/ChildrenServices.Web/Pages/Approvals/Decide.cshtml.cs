using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Approvals;

/// <summary>
/// Approve or reject a step-up or step-down with written rationale, in two steps: the form, then
/// "Check your decision" (the answers travel in the form, so nothing is lost between them).
/// </summary>
[KeepsDraft(DraftScope.Approval)]
[Authorize(Policy = nameof(Permission.DecideApprovals))]
public sealed class DecideModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public DecideApproval.Command Input { get; set; } = new();

    public GetApprovals.Row? Pending { get; private set; }

    public GetRoutingOptions.Result Routing { get; private set; } = new([], [], []);

    /// <summary>Assessment authorisation: the assessment the manager is asked to authorise.</summary>
    public Application.SocialCare.GetAssessment.Current? Assessment { get; private set; }

    /// <summary>True when showing the decision to check rather than the form.</summary>
    public bool Checking { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Input = new DecideApproval.Command { RequestId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Pending?.Version ?? Guid.Empty };
    }

    /// <summary>Validate the decision, then show it to check before it takes effect.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        if (await NotReadyToCheckAsync(Input))
        {
            return Page();
        }

        Checking = true;
        await LoadDisplayDataAsync();
        return Page();
    }

    /// <summary>Back from "Check your decision" to the form, answers intact.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        ModelState.Clear();
        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
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
        if (Pending is { Kind: Domain.Approvals.ApprovalKind.AssessmentAuthorisation, FirstChildId: { } childId })
        {
            Assessment = (await Sender.Send(new Application.SocialCare.GetAssessment.Query(childId))).Assessments.FirstOrDefault(a => a.Id == Pending.AssessmentId);
        }
    }
}
