using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>The outcome of the section 47 enquiry: whether an initial child protection conference is needed.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class Section47Model(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordSection47Outcome.Command Input { get; set; } = new();

    /// <summary>The open enquiry the form records on.</summary>
    public GetChildProtection.Enquiry Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ChildProtectionForms.EnquiryAsync(Sender, id, openOnly: true) is not { } open)
        {
            return RedirectToPage(ChildProtectionForms.Overview, new { id });
        }

        Record = open;
        Input = new() { PersonId = id, EnquiryId = open.Id, Version = open.Version, ConcludedOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildProtectionForms.Overview, new { id }, "Section 47 enquiry outcome recorded");
    }

    public override async Task LoadDisplayDataAsync() => Record = await ChildProtectionForms.EnquiryToShowAgainAsync(Sender, person.Id);
}
