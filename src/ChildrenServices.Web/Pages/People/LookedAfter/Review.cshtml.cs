using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// The independent reviewing officer records a review they chaired: the date, the child's participation, who
/// attended, the views, whether the care plan is endorsed, how the last review's recommendations stand and the
/// new recommendations. They never hold the case, so the page asks only that they can see the child, not that
/// they may record on it.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : CareFormModel<RecordClaReview.Command>(sender, clock)
{
    public static IReadOnlyList<SelectListItem> FollowUpStatuses { get; } =
    [
        new(Describe(RecommendationStatus.Done), nameof(RecommendationStatus.Done)),
        new(Describe(RecommendationStatus.PartlyDone), nameof(RecommendationStatus.PartlyDone)),
        new(Describe(RecommendationStatus.NotDone), nameof(RecommendationStatus.NotDone)),
        new(Describe(RecommendationStatus.NoLongerNeeded), nameof(RecommendationStatus.NoLongerNeeded)),
    ];

    /// <summary>The review whose recommendations this one follows up: the last one recorded.</summary>
    public GetPeriodsOfCare.Review? PreviousReview => Care.Latest is { Reviews.Count: > 0 } period ? period.Reviews[^1] : null;

    protected override bool MayRecord => Care.CanRecordReviews;

    protected override string Done => "Recorded: the review";

    public static string Describe(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Done => "Done",
        RecommendationStatus.PartlyDone => "Partly done",
        RecommendationStatus.NotDone => "Not done",
        RecommendationStatus.NoLongerNeeded => "No longer needed",
        _ => "Outstanding",
    };

    protected override RecordClaReview.Command? NewInput() =>
        Care.Latest is { } period
            ? new()
            {
                PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version,
                Recommendations = [.. Enumerable.Range(0, RecordClaReview.RecommendationRows).Select(_ => new RecordClaReview.Recommendation())],
                FollowUps = [.. (PreviousReview?.Recommendations ?? []).Select(r => new RecordClaReview.FollowUp { RecommendationId = r.Id })],
            }
            : null;

    protected override RecordClaReview.Command ForThisPage(RecordClaReview.Command input)
    {
        // Always offer the blank rows again, keeping what was typed in the rows posted.
        var rows = input.Recommendations.ToList();
        while (rows.Count < RecordClaReview.RecommendationRows)
        {
            rows.Add(new RecordClaReview.Recommendation());
        }

        return input with { PersonId = PersonId, Recommendations = rows };
    }
}
