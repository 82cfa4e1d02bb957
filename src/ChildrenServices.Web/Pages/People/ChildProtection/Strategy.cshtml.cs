using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>The strategy discussion: date, agencies, the section 47 decision and its rationale.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class StrategyModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordStrategyDiscussion.Command Input { get; set; } = new();

    public void OnGet(Guid id) => Input = new RecordStrategyDiscussion.Command { PersonId = id, HeldOn = person.Today };

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildProtectionForms.Overview, new { id }, "Strategy discussion recorded");
    }
}
