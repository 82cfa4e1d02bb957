using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The legal planning meeting's decision that ends pre-proceedings: step up to care proceedings, or step down (StepDecisionDate, PPOutcome).</summary>
public static class DecidePreProceedings
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PreProceedingsId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? DecidedOn { get; init; }

        public PreProceedingsOutcome? Outcome { get; init; }

        public string? DecisionRationale { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DecidedOn).NotNull().WithMessage("Enter the date of the decision");
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the decision").IsInEnum().WithMessage("Select the decision");
            RuleFor(c => c.DecisionRationale).NotEmpty().WithMessage("Give the rationale for the decision")
                .MaximumLength(PreProceedings.TextLimit).WithMessage($"The rationale must be {PreProceedings.TextLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await PreProceedingsLoader.LoadAsync(db, command.PersonId, command.PreProceedingsId, command.Version, cancellationToken);
            record.Decide(command.DecidedOn!.Value, command.Outcome!.Value, command.DecisionRationale, user.RequireUserId(), UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
