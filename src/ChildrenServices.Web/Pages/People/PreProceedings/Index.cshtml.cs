using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.PreProceedings;

/// <summary>The child's pre-proceedings: start them, and follow the letter, the family group decision-making meeting, the meetings, the decision and the court application.</summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public StartPreProceedings.Command Input { get; set; } = new();

    public GetPreProceedings.Result Records { get; private set; } = new(false, []);

    public async Task OnGetAsync(Guid id)
    {
        Input = new StartPreProceedings.Command { PersonId = id };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, PreProceedingsForms.Overview, new { id }, "Pre-proceedings started");
    }

    public override async Task LoadDisplayDataAsync() => Records = await Sender.Send(new GetPreProceedings.Query(Input.PersonId));
}
