using ChildrenServices.Application.LookedAfter;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// The independent reviewing officer records a review they chaired. They never hold the case, so the page
/// asks only that they can see the child, not that they may record on it.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : CareFormModel<RecordClaReview.Command>(sender, clock)
{
    protected override bool MayRecord => Care.CanRecordReviews;

    protected override string Done => "Recorded: the review";

    protected override RecordClaReview.Command? NewInput() =>
        Care.Latest is { } period ? new() { PersonId = PersonId, PeriodOfCareId = period.Id, Version = period.Version } : null;

    protected override RecordClaReview.Command ForThisPage(RecordClaReview.Command input) => input with { PersonId = PersonId };
}
