using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>
/// A transfer-in conference, recorded by the reviewing officer who chaired it, for a child who came from another council
/// under a child protection plan: the plan starts here without a section 47. Like the initial conference, the chair
/// never holds the case, so the command's own rule decides.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class TransferInModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordTransferInConference.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var cp = await Sender.Send(new GetChildProtection.Query(id));
        if (!cp.HasOpenReferral || cp.OpenPlan is not null || cp.Open is not null)
        {
            return RedirectToPage(ChildProtectionForms.Overview, new { id });
        }

        Input = new() { PersonId = id, HeldOn = person.Today, PreviousPlansElsewhere = 1 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildProtectionForms.Overview, new { id }, "Transfer-in conference recorded: the child protection plan starts");
    }
}
