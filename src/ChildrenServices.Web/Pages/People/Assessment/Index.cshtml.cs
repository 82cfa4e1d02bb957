using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Assessment;

/// <summary>The child and family assessment on the child's referral: start it, read it, see where it is.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public StartAssessment.Command Input { get; set; } = new();

    public GetAssessment.Result Assessment { get; private set; } = new(null, null, null, null, null, []);

    public async Task OnGetAsync(Guid id)
    {
        Input = new StartAssessment.Command { PersonId = id };
        await LoadDisplayDataAsync();
        Input = Input with { StartedOn = Today };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Assessment/Edit", new { id }, "Assessment started");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Assessment = await Sender.Send(new GetAssessment.Query(Input.PersonId));
    }
}
