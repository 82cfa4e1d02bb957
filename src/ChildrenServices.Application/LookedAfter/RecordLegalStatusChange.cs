using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// A court or the law changed the child's legal status ("interim care order granted"); the child stays where
/// they are. The period ends the current episode and starts the next (reason for new episode L).
/// </summary>
public static class RecordLegalStatusChange
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? ChangedOn { get; init; }

        public string? LegalStatus { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ChangedOn).NotNull().WithMessage("Enter the date the legal status changed");
            RuleFor(c => c.LegalStatus).NotEmpty().WithMessage("Select the new legal status");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.ChangeLegalStatus(command.ChangedOn!.Value, command.LegalStatus!, UkTime.Today(clock), user.RequireUserId());
            return Unit.Value;
        }
    }
}
