using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildInNeed;

/// <summary>A review of the child's open child in need plan.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReviewModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordChildInNeedReview.Command Input { get; set; } = new();

    /// <summary>The open plan the form records on.</summary>
    public GetChildInNeedPlans.Plan Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ChildInNeedForms.PlanAsync(Sender, id, openOnly: true) is not { } open)
        {
            return RedirectToPage(ChildInNeedForms.Overview, new { id });
        }

        Record = open;
        Input = new() { PersonId = id, PlanId = open.Id, HeldOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildInNeedForms.Overview, new { id }, "Review recorded");
    }

    public override async Task LoadDisplayDataAsync() => Record = await ChildInNeedForms.PlanToShowAgainAsync(Sender, person.Id);
}
