using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The social worker asks the team manager to step the family down to a keyworker, with reasons.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Permission.RecordPeople))]
public sealed class StepDownModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RequestStepDown.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        Input = new RequestStepDown.Command { PersonId = id };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Contacts", new { id }, "Step-down request sent to the team manager for a decision");
    }
}
