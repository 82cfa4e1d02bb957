using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The parent's assessment or the connected person's approval that the child's placement was made before is complete.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ApprovalModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordApprovalComplete.Command Input { get; set; } = new();

    /// <summary>The current episode, whose placement waits for the assessment or approval.</summary>
    public GetPeriodsOfCare.Episode? Current => Care.Open?.Current;

    /// <summary>How often the child is visited now, and once the assessment or approval is complete, from the paragraph of regulation 28 each calls for.</summary>
    public (string Now, string After) Visits => Current is { } e
        ? (VisitsUnder(LookedAfterVisitRule.RegimeFor(e.LegalStatus, e.PlacementType, e.PlacementApproval)),
            VisitsUnder(LookedAfterVisitRule.RegimeFor(e.LegalStatus, e.PlacementType, PlacementApproval.Approved)))
        : (string.Empty, string.Empty);

    private static string VisitsUnder(VisitRegime regime) => regime switch
    {
        VisitRegime.WithParentBeforeAssessment => "at least weekly until the first review, then every 6 weeks (regulation 28(3))",
        VisitRegime.ConnectedPersonTemporaryApproval => "at least weekly until the first review, then every 4 weeks (regulation 28(4))",
        VisitRegime.WithParentInterimCareOrder => "at least weekly until the first review, then every 4 weeks, while the child lives with a parent under an interim care order (regulation 28(4))",
        VisitRegime.WithParentCareOrder => "within a week of the care order, then every 6 weeks (regulation 28(5))",
        VisitRegime.ShortBreaks => "within 3 months of the first short break, then every 6 months (regulation 48)",
        _ => "every 6 weeks in the placement's first year, then every 3 months if it is meant to last until 18 (regulation 28(2))",
    };

    /// <summary>With nothing waiting for an assessment or approval, the form has nothing to record: back to the overview, as the other care forms do.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        if (Care.Open is not { Current.PlacementApproval: not PlacementApproval.Approved } period)
        {
            return RedirectToPage(CareForms.Overview, new { id });
        }

        Input = new() { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the assessment or approval is complete");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
