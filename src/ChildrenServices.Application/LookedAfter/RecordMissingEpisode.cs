using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>The child went missing (M) or was away from placement without authorisation (A); the return too, if it is known.</summary>
public static class RecordMissingEpisode
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public string? MissingType { get; init; }

        public DateOnly? StartedOn { get; init; }

        /// <summary>When the child came back, if they have.</summary>
        public DateOnly? EndedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MissingType).NotEmpty().WithMessage("Select whether the child was missing or away without authorisation");
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the child went missing");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            return period.RecordMissing(command.MissingType!, command.StartedOn!.Value, command.EndedOn, UkTime.Today(clock)).Id;
        }
    }
}
