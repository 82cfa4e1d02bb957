using ChildrenServices.Application.Security;
using ChildrenServices.Domain.LookedAfter;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The independent reviewing officer records a looked-after child's review they chaired (regulation 33): the
/// date, how the child took part (PN0–PN7, checked against the child's age on the day: DfE rules 440 and 441),
/// who attended, the child's and parents' views, whether the care plan is endorsed, the recommendations with an
/// owner and a date, and how each recommendation of the last review stood. The officer is whoever records it,
/// and may record it on any child they can see: they are independent of the case, so never hold it.
/// </summary>
public static class RecordClaReview
{
    /// <summary>Rows the form offers for new recommendations; blank rows are ignored.</summary>
    public const int RecommendationRows = 5;

    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? ParticipationCode { get; init; }

        public string? Attendees { get; init; }

        public string? ChildViews { get; init; }

        public string? ParentViews { get; init; }

        public bool? CarePlanEndorsed { get; init; }

        public List<Recommendation> Recommendations { get; init; } = [];

        /// <summary>For each recommendation of the last review, how it stood.</summary>
        public List<FollowUp> FollowUps { get; init; } = [];
    }

    public sealed record FollowUp
    {
        public Guid RecommendationId { get; init; }

        public RecommendationStatus? Status { get; init; }
    }

    public sealed record Recommendation
    {
        public string? Text { get; init; }

        public string? Owner { get; init; }

        public DateOnly? DueOn { get; init; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Owner) && DueOn is null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date the review was held");
            RuleFor(c => c.ParticipationCode).NotEmpty().WithMessage("Select how the child took part in the review");
            RuleFor(c => c.Attendees).NotEmpty().WithMessage("Enter who attended the review")
                .MaximumLength(PeriodOfCare.ReviewTextLimit).WithMessage($"Who attended must be {PeriodOfCare.ReviewTextLimit:N0} characters or fewer");
            RuleFor(c => c.ChildViews).MaximumLength(PeriodOfCare.ReviewTextLimit).WithMessage($"The child's views must be {PeriodOfCare.ReviewTextLimit:N0} characters or fewer");
            RuleFor(c => c.ParentViews).MaximumLength(PeriodOfCare.ReviewTextLimit).WithMessage($"The parents' views must be {PeriodOfCare.ReviewTextLimit:N0} characters or fewer");
            RuleFor(c => c.CarePlanEndorsed).NotNull().WithMessage("Select whether the review endorsed the care plan");
            RuleFor(c => c.Recommendations.Count).LessThanOrEqualTo(20).OverridePropertyName("Recommendations").WithMessage("Record at most 20 recommendations on one review");
            RuleForEach(c => c.Recommendations).ChildRules(r =>
            {
                r.RuleFor(x => x.Text).NotEmpty().WithMessage("Enter the recommendation").When(x => !x.IsBlank)
                    .MaximumLength(ReviewRecommendation.TextLimit).WithMessage($"The recommendation must be {ReviewRecommendation.TextLimit:N0} characters or fewer");
                r.RuleFor(x => x.Owner).NotEmpty().WithMessage("Enter who is responsible").When(x => !x.IsBlank)
                    .MaximumLength(ReviewRecommendation.OwnerLimit).WithMessage($"Who is responsible must be {ReviewRecommendation.OwnerLimit} characters or fewer");
                r.RuleFor(x => x.DueOn).NotNull().WithMessage("Enter the date it is due by").When(x => !x.IsBlank);
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            var born = await db.People.Where(p => p.Id == command.PersonId).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
            var heldOn = command.HeldOn!.Value;

            // Every recommendation of the last review needs a status; the message goes beside the one left blank.
            var followUps = new Dictionary<Guid, RecommendationStatus>();
            foreach (var recommendation in period.PreviousReview(heldOn)?.Recommendations ?? [])
            {
                var index = command.FollowUps.FindIndex(f => f.RecommendationId == recommendation.Id);
                if (index < 0 || command.FollowUps[index].Status is not { } status || status == RecommendationStatus.Outstanding || !Enum.IsDefined(status))
                {
                    throw new Domain.Common.DomainRuleException(
                        $"Say whether the last review's recommendation to {recommendation.Owner.ToLowerInvariant()} was done",
                        index < 0 ? "FollowUps" : $"FollowUps[{index}].Status");
                }

                followUps[recommendation.Id] = status;
            }

            // A recommendation that is not the last review's is passed on for the period to refuse.
            foreach (var extra in command.FollowUps.Where(f => !followUps.ContainsKey(f.RecommendationId)))
            {
                followUps[extra.RecommendationId] = extra.Status ?? RecommendationStatus.Outstanding;
            }

            var outcome = new ReviewOutcome(
                Trim(command.Attendees), Trim(command.ChildViews), Trim(command.ParentViews), command.CarePlanEndorsed!.Value,
                [.. command.Recommendations.Where(r => !r.IsBlank).Select(r => new RecommendationInput(r.Text!.Trim(), r.Owner!.Trim(), r.DueOn!.Value))],
                followUps);
            period.RecordReview(heldOn, command.ParticipationCode!, user.RequireUserId(), UkTime.Today(clock), born, outcome, recordedById: user.RequireUserId());
            return Unit.Value;
        }

        private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
