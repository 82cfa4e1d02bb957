using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Approvals;

/// <summary>
/// Approve or reject a request with written rationale, in two steps: the form, then "Check your decision"
/// (the answers travel in the form, so nothing is lost between them). One address for every kind of request;
/// the page sends the use case for the request's kind (<see cref="DecideStepUp"/>, <see cref="DecideStepDown"/>,
/// <see cref="AuthoriseAssessment"/>, <see cref="DecideClosure"/>).
/// </summary>
[KeepsDraft(DraftScope.Approval)]
[Authorize(Policy = nameof(Permission.DecideApprovals))]
public sealed class DecideModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public Decision Input { get; set; } = new();

    public GetApprovals.Row? Pending { get; private set; }

    public GetRoutingOptions.Result Routing { get; private set; } = new([], [], []);

    /// <summary>Assessment authorisation: the assessment the manager is asked to authorise.</summary>
    public Application.SocialCare.GetAssessment.Current? Assessment { get; private set; }

    /// <summary>Assessment authorisation: the referral it is on, whose primary need the manager may revise.</summary>
    public Application.SocialCare.GetAssessment.ReferralFacts? Referral { get; private set; }

    /// <summary>True when showing the decision to check rather than the form.</summary>
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input = new Decision { RequestId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Pending?.Version ?? Guid.Empty, PrimaryNeedCode = Referral?.PrimaryNeedCode };
        return Shown();
    }

    /// <summary>
    /// The page; a 404 when no request of this id waits for this manager (decided, another team's, about a child hidden from
    /// them, or none): the page still says so, and says the same whichever it is.
    /// </summary>
    private IActionResult Shown() => Pending is null ? new PageResult { StatusCode = StatusCodes.Status404NotFound } : Page();

    /// <summary>Validate the decision, then show it to check before it takes effect.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        await LoadDisplayDataAsync();
        if (Pending is null)
        {
            return Shown();
        }

        var notReady = Pending.Kind switch
        {
            ApprovalKind.StepUp => await NotReadyToCheckAsync(Input.ForStepUp()),
            ApprovalKind.StepDown => await NotReadyToCheckAsync(Input.ForStepDown()),
            ApprovalKind.AssessmentAuthorisation => await NotReadyToCheckAsync(Input.ForAssessment()),
            _ => await NotReadyToCheckAsync(Input.ForClosure()),
        };
        if (notReady)
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
        return Shown();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        Input = Input with { RequestId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var kind = (await Sender.Send(new GetApprovals.Query())).FirstOrDefault(r => r.Id == id)?.Kind;
        if (kind is null)
        {
            await LoadDisplayDataAsync();
            return Shown();
        }

        var message = kind switch
        {
            ApprovalKind.StepUp => await Sender.Send(Input.ForStepUp()),
            ApprovalKind.StepDown => await Sender.Send(Input.ForStepDown()),
            ApprovalKind.AssessmentAuthorisation => await Sender.Send(Input.ForAssessment()),
            ApprovalKind.CaseClosure => await Sender.Send(Input.ForClosure()),
            _ => throw new DomainRuleException("This request is not waiting for your decision: it has been decided, or it is for a team you do not manage", "Approve"),
        };
        return RedirectWithBanner("/Approvals/Index", null, message);
    }

    public override async Task LoadDisplayDataAsync()
    {
        Pending = (await Sender.Send(new GetApprovals.Query())).FirstOrDefault(r => r.Id == Input.RequestId);
        Routing = await Sender.Send(new GetRoutingOptions.Query());
        if (Pending is { Kind: Domain.Approvals.ApprovalKind.AssessmentAuthorisation, FirstChildId: { } childId })
        {
            var found = await Sender.Send(new Application.SocialCare.GetAssessment.Query(childId));
            Assessment = found.Assessments.FirstOrDefault(a => a.Id == Pending.AssessmentId);
            Referral = found.Referral;
        }
    }

    /// <summary>What the form posts, whatever the kind of request; each kind's command takes the fields it needs.</summary>
    public sealed record Decision
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }

        public Guid? AssessmentTeamId { get; init; }

        public string? PrimaryNeedCode { get; init; }

        public Guid? KeyworkerId { get; init; }

        public DecideStepUp.Command ForStepUp() => new()
        {
            RequestId = RequestId, Version = Version, Approve = Approve, Rationale = Rationale, AssessmentTeamId = AssessmentTeamId, PrimaryNeedCode = PrimaryNeedCode,
        };

        public DecideStepDown.Command ForStepDown() => new() { RequestId = RequestId, Version = Version, Approve = Approve, Rationale = Rationale, KeyworkerId = KeyworkerId };

        public AuthoriseAssessment.Command ForAssessment() => new() { RequestId = RequestId, Version = Version, Approve = Approve, Rationale = Rationale, PrimaryNeedCode = PrimaryNeedCode };

        public DecideClosure.Command ForClosure() => new() { RequestId = RequestId, Version = Version, Approve = Approve, Rationale = Rationale };
    }
}
