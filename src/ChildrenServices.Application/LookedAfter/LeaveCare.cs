using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>The child stops being looked after: the last episode and the period end, with the reason (SSDA903 REC).</summary>
public static class LeaveCare
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? EndedOn { get; init; }

        public string? ReasonCeased { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date the child stopped being looked after");
            RuleFor(c => c.ReasonCeased).NotEmpty().WithMessage("Select why the child stopped being looked after");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.End(command.EndedOn!.Value, command.ReasonCeased!, UkTime.Today(clock), user.RequireUserId());
            return Unit.Value;
        }
    }
}
