using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Recording;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// A review's date was recorded wrongly: the worker who recorded it (within <see cref="Correction.RecorderWindowDays"/>
/// days) or a manager of the team holding the case corrects it, with why. The review carries the corrected date, which
/// the returns, the chronology and the deadlines follow; the original and the correction stay in the history.
/// </summary>
public static class CorrectReviewDate
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Command : ICommand, ICorrection, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public CorrectedRecord Kind { get; init; }

        public Guid ReviewId { get; init; }

        /// <summary>The version of the plan or period of care the review is part of, as the page showed it.</summary>
        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the correct date of the review");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the date was wrong")
                .MaximumLength(Correction.ReasonLimit).WithMessage($"The reason must be {Correction.ReasonLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var review = await ReviewCorrections.LoadAsync(db, command.PersonId, command.Kind, command.ReviewId, cancellationToken);
            db.ExpectVersion(review.Root, command.Version);
            var me = user.RequireUserId();
            var today = UkTime.Today(clock);
            var asManager = await access.ManagesHoldingTeamAsync(command.PersonId, cancellationToken);
            if (!asManager && !Correction.RecorderMayCorrect(review.RecordedById, review.RecordedOn, me, today))
            {
                throw new ForbiddenException("Only the worker who recorded it, within a week, or a manager of the team holding the case can correct a review");
            }

            var from = review.Correct(command.HeldOn!.Value, today);
            db.Corrections.Add(new Correction(command.PersonId, command.Kind, command.ReviewId, from, command.HeldOn!.Value, command.Reason, me, asManager, clock.GetUtcNow().UtcDateTime));
            return Unit.Value;
        }
    }
}
