using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>The deprivation of liberty order in force ended: it expired, was discharged or was not renewed.</summary>
public static class RecordDeprivationOfLibertyEnded
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public Guid OrderId { get; init; }

        public DateOnly? EndedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date the order ended");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.RecordDeprivationOfLibertyEnded(command.OrderId, command.EndedOn!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
