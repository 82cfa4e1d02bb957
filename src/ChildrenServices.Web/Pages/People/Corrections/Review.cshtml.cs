using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Corrections;

/// <summary>
/// Corrects a review's date recorded wrongly, with why: the worker who recorded it within a week, or a manager of the
/// team holding the case. Reached from the child's visits and reviews.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ReviewModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public CorrectReviewDate.Command Input { get; set; } = new();

    public GetReviewToCorrect.Result Review { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CorrectedRecord kind, Guid reviewId)
    {
        Review = await Sender.Send(new GetReviewToCorrect.Query(id, kind, reviewId));
        if (!Review.MayCorrect)
        {
            return Forbid();
        }

        Input = new() { PersonId = id, Kind = kind, ReviewId = reviewId, Version = Review.Version, HeldOn = Review.HeldOn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CorrectedRecord kind, Guid reviewId)
    {
        Input = Input with { PersonId = id, Kind = kind, ReviewId = reviewId };
        return await SendAndReturnAsync(Input, "/People/Visits", new { id }, "Corrected: the date of the review");
    }

    public override async Task LoadDisplayDataAsync() => Review = await Sender.Send(new GetReviewToCorrect.Query(person.Id, Input.Kind, Input.ReviewId));
}
