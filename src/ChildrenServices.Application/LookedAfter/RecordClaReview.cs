using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The independent reviewing officer records a looked-after child's review they chaired (regulation 33): the
/// date and how the child took part (PN0–PN7). The officer is whoever records it, and may record it on any child
/// they can see: they are independent of the case, so never hold it.
/// </summary>
public static class RecordClaReview
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? ParticipationCode { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date the review was held");
            RuleFor(c => c.ParticipationCode).NotEmpty().WithMessage("Select how the child took part in the review");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.RecordReview(command.HeldOn!.Value, command.ParticipationCode!, user.RequireUserId(), UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
