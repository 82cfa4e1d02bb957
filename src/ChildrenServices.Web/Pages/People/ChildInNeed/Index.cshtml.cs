using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildInNeed;

/// <summary>The child's child in need plans: start one, and see reviews and visits with what is due next.</summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public StartChildInNeedPlan.Command Input { get; set; } = new();

    public GetChildInNeedPlans.Result Plans { get; private set; } = new(false, []);

    public async Task OnGetAsync(Guid id)
    {
        Input = new StartChildInNeedPlan.Command { PersonId = id };
        await LoadDisplayDataAsync();
        Input = Input with { StartedOn = Today };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/ChildInNeed/Index", new { id }, "Child in need plan started");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Plans = await Sender.Send(new GetChildInNeedPlans.Query(Input.PersonId));
    }
}
