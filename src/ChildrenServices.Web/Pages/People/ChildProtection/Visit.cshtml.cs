using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>A statutory visit on the child's open child protection plan.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class VisitModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordChildProtectionVisit.Command Input { get; set; } = new();

    /// <summary>The open plan the form records on.</summary>
    public GetChildProtection.Plan Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ChildProtectionForms.PlanAsync(Sender, id, openOnly: true) is not { } open)
        {
            return RedirectToPage(ChildProtectionForms.Overview, new { id });
        }

        Record = open;
        Input = new() { PersonId = id, PlanId = open.Id, VisitedOn = person.Today, ChildSeen = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, ChildProtectionForms.Overview, new { id }, "Visit recorded");
    }

    public override async Task LoadDisplayDataAsync() => Record = await ChildProtectionForms.PlanToShowAgainAsync(Sender, person.Id);
}
