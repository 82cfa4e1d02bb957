using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>A statutory visit to the looked-after child (regulation 28): the date, whether the child was seen, and seen alone.</summary>
public static class RecordClaVisit
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? VisitedOn { get; init; }

        public bool? ChildSeen { get; init; }

        public bool SeenAlone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VisitedOn).NotNull().WithMessage("Enter the date of the visit");
            RuleFor(c => c.ChildSeen).NotNull().WithMessage("Select whether the child was seen");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.RecordVisit(command.VisitedOn!.Value, command.ChildSeen!.Value, command.SeenAlone, UkTime.Today(clock), user.RequireUserId());
            return Unit.Value;
        }
    }
}
