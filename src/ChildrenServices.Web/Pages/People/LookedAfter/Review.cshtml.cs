using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// The independent reviewing officer records a review they chaired: the date, the child's participation, who
/// attended, the views, whether the care plan is endorsed, how the last review's recommendations stand and the
/// new recommendations. They never hold the case, so the page asks only that they can see the child, not that
/// they may record on it: the page refuses anyone the periods of care do not name as a reviewing officer.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ReviewModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public static IReadOnlyList<SelectListItem> FollowUpStatuses { get; } =
    [
        new(Describe(RecommendationStatus.Done), nameof(RecommendationStatus.Done)),
        new(Describe(RecommendationStatus.PartlyDone), nameof(RecommendationStatus.PartlyDone)),
        new(Describe(RecommendationStatus.NotDone), nameof(RecommendationStatus.NotDone)),
        new(Describe(RecommendationStatus.NoLongerNeeded), nameof(RecommendationStatus.NoLongerNeeded)),
    ];

    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    [BindProperty]
    public RecordClaReview.Command Input { get; set; } = new();

    /// <summary>The review whose recommendations this one follows up: the last one recorded.</summary>
    public GetPeriodsOfCare.Review? PreviousReview => Care.Latest is { Reviews.Count: > 0 } period ? period.Reviews[^1] : null;

    public static string Describe(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Done => "Done",
        RecommendationStatus.PartlyDone => "Partly done",
        RecommendationStatus.NotDone => "Not done",
        RecommendationStatus.NoLongerNeeded => "No longer needed",
        _ => "Outstanding",
    };

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        if (!Care.CanRecordReviews)
        {
            throw new ForbiddenException(PersonPageFilter.RefusalMessage);
        }

        if (Care.Latest is not { } period)
        {
            return RedirectToPage(CareForms.Overview, new { id });
        }

        Input = new()
        {
            PersonId = id, PeriodOfCareId = period.Id, Version = period.Version,
            Recommendations = [.. Enumerable.Range(0, RecordClaReview.RecommendationRows).Select(_ => new RecordClaReview.Recommendation())],
            FollowUps = [.. (PreviousReview?.Recommendations ?? []).Select(r => new RecordClaReview.FollowUp { RecommendationId = r.Id })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // Always offer the blank rows again, keeping what was typed in the rows posted.
        var rows = Input.Recommendations.ToList();
        while (rows.Count < RecordClaReview.RecommendationRows)
        {
            rows.Add(new RecordClaReview.Recommendation());
        }

        Input = Input with { PersonId = id, Recommendations = rows };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the review");
    }

    public override async Task LoadDisplayDataAsync() => Care = await CareForms.LoadAsync(Sender, person.Id);
}
