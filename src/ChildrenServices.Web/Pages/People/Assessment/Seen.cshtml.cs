using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Assessment;

/// <summary>A date the child was seen during the assessment, and whether alone.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class SeenModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public RecordChildSeen.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var open = (await Sender.Send(new GetAssessment.Query(id))).Open;
        if (open is null)
        {
            return RedirectToPage("/People/Assessment/Index", new { id });
        }

        Input = new RecordChildSeen.Command { PersonId = id, AssessmentId = open.Id, SeenOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Assessment/Edit", new { id }, "Date seen recorded");
    }
}
