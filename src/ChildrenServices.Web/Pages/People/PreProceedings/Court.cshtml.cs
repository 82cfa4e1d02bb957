using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.PreProceedings;

/// <summary>The application to the court for a care order, and the letter to the parents that proceedings have been initiated.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class CourtModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    /// <summary>The pre-proceedings that decided to issue the form records on.</summary>
    public GetPreProceedings.Record Record { get; private set; } = default!;

    [BindProperty]
    public RecordCourtApplication.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await PreProceedingsForms.IssuedAsync(Sender, id) is not { } found)
        {
            return RedirectToPage(PreProceedingsForms.Overview, new { id });
        }

        Record = found;
        Input = new()
        {
            PersonId = id, PreProceedingsId = Record.Id, Version = Record.Version,
            CourtApplicationOn = Record.CourtApplicationOn ?? person.Today, CourtLetterSentOn = Record.CourtLetterSentOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, PreProceedingsForms.Overview, new { id }, "Recorded: the application to the court");
    }

    public override async Task LoadDisplayDataAsync() => Record = await PreProceedingsForms.IssuedToShowAgainAsync(Sender, person.Id);
}
