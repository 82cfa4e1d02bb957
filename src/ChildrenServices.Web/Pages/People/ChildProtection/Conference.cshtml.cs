using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>The initial child protection conference, recorded by the reviewing officer who chaired it: they never hold the case, so the command's own rule decides, not the case holder's.</summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ConferenceModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordInitialConference.Command Input { get; set; } = new();

    /// <summary>The open enquiry the form records on.</summary>
    public GetChildProtection.Enquiry Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ChildProtectionForms.EnquiryAsync(Sender, id, openOnly: true) is not { } open)
        {
            return RedirectToPage(ChildProtectionForms.Overview, new { id });
        }

        Record = open;
        Input = new() { PersonId = id, EnquiryId = open.Id, Version = open.Version, HeldOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildProtectionForms.Overview, new { id }, "Initial child protection conference recorded");
    }

    public override async Task LoadDisplayDataAsync() => Record = await ChildProtectionForms.EnquiryToShowAgainAsync(Sender, person.Id);
}
