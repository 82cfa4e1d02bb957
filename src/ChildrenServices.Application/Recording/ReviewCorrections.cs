using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Recording;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A review whose date may be corrected: the aggregate it is part of, what it says, who recorded it and when, and how to correct it.</summary>
internal sealed record ReviewToCorrect(
    Aggregate Root,
    DateOnly HeldOn,
    string Summary,
    Guid? RecordedById,
    DateOnly? RecordedOn,
    Func<DateOnly, DateOnly, DateOnly> Correct);

internal static class ReviewCorrections
{
    /// <summary>Loads the review of the kind given, on the child's plan or period of care, tracked for the correction.</summary>
    public static async Task<ReviewToCorrect> LoadAsync(IAppDbContext db, Guid personId, CorrectedRecord kind, Guid reviewId, CancellationToken ct)
    {
        switch (kind)
        {
            case CorrectedRecord.ChildInNeedReview:
            {
                var plan = await db.ChildInNeedPlans.Include(p => p.Reviews)
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.Reviews.Any(r => r.Id == reviewId), ct) ?? throw new NotFoundException("Page not found");
                var review = plan.Reviews.Single(r => r.Id == reviewId);
                return new(plan, review.HeldOn, review.Summary, review.RecordedById, review.RecordedOn, (on, today) => plan.CorrectReviewDate(reviewId, on, today));
            }

            case CorrectedRecord.ChildProtectionReview:
            {
                var plan = await db.ChildProtectionPlans.Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.CoreGroups).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.Reviews.Any(r => r.Id == reviewId), ct) ?? throw new NotFoundException("Page not found");
                var review = plan.Reviews.Single(r => r.Id == reviewId);
                return new(plan, review.HeldOn, review.Decision, review.RecordedById, review.RecordedOn, (on, today) => plan.CorrectReviewDate(reviewId, on, today));
            }

            case CorrectedRecord.LookedAfterReview:
            {
                var period = await db.PeriodsOfCare.Include(p => p.Reviews)
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.Reviews.Any(r => r.Id == reviewId), ct) ?? throw new NotFoundException("Page not found");
                var born = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).SingleAsync(ct);
                var review = period.Reviews.Single(r => r.Id == reviewId);
                var summary = $"Participation {review.ParticipationCode}" + (review.Attendees is { } who ? $". Attended: {who}" : string.Empty);
                return new(period, review.HeldOn, summary, review.RecordedById, review.RecordedOn, (on, today) => period.CorrectReviewDate(reviewId, on, today, born));
            }

            default:
                throw new NotFoundException("Page not found");
        }
    }
}
