using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People.PreProceedings;

/// <summary>The decision that ends pre-proceedings: step up to care proceedings, or step down.</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class DecisionModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    /// <summary>The open pre-proceedings the form records on.</summary>
    public GetPreProceedings.Record Record { get; private set; } = default!;

    public static readonly IReadOnlyList<SelectListItem> Outcomes =
    [
        new(PreProceedingsOutcome.IssueCareProceedings.Describe(), nameof(PreProceedingsOutcome.IssueCareProceedings)),
        new(PreProceedingsOutcome.StepDown.Describe(), nameof(PreProceedingsOutcome.StepDown)),
    ];

    [BindProperty]
    public DecidePreProceedings.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await PreProceedingsForms.OpenAsync(Sender, id, openOnly: true) is not { } found)
        {
            return RedirectToPage(PreProceedingsForms.Overview, new { id });
        }

        Record = found;
        Input = new() { PersonId = id, PreProceedingsId = Record.Id, Version = Record.Version, DecidedOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, PreProceedingsForms.Overview, new { id }, "Recorded: the decision that ends pre-proceedings");
    }

    public override async Task LoadDisplayDataAsync() => Record = await PreProceedingsForms.ToShowAgainAsync(Sender, person.Id);
}
