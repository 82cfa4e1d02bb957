using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The assessment or approval the child's placement was made before is complete: the parent's assessment (regulation 19)
/// or the connected person's approval as a foster carer (regulations 24 and 25). The child's visits follow regulation
/// 28(2), or 28(5) under a care order, from then on, rather than weekly until the first review.
/// </summary>
public static class RecordApprovalComplete
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? CompletedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date the assessment or approval was completed");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.CompleteApproval(command.CompletedOn!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
