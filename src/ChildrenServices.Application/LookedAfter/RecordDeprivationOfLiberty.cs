using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>A court made a deprivation of liberty order for the looked-after child; its end too, if it has ended.</summary>
public static class RecordDeprivationOfLiberty
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? StartedOn { get; init; }

        /// <summary>When the order ended, if it has.</summary>
        public DateOnly? EndedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the order was made");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            return period.RecordDeprivationOfLiberty(command.StartedOn!.Value, command.EndedOn, UkTime.Today(clock)).Id;
        }
    }
}
