using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.PreProceedings;

/// <summary>A pre-proceedings meeting with the parents and their legal representatives.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class MeetingModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    /// <summary>The open pre-proceedings the form records on.</summary>
    public GetPreProceedings.Record Record { get; private set; } = default!;

    [BindProperty]
    public RecordPreProceedingsMeeting.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await PreProceedingsForms.OpenAsync(Sender, id, openOnly: true) is not { } found)
        {
            return RedirectToPage(PreProceedingsForms.Overview, new { id });
        }

        Record = found;
        Input = new() { PersonId = id, PreProceedingsId = Record.Id, Version = Record.Version, HeldOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, PreProceedingsForms.Overview, new { id }, "Recorded: the pre-proceedings meeting");
    }

    public override async Task LoadDisplayDataAsync() => Record = await PreProceedingsForms.ToShowAgainAsync(Sender, person.Id);
}
