using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>Whether the child was offered a return interview after coming back, whether they accepted, and when it was held.</summary>
public static class RecordReturnInterview
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public Guid MissingEpisodeId { get; init; }

        public bool? ReturnInterviewOffered { get; init; }

        public bool? ReturnInterviewAccepted { get; init; }

        public DateOnly? ReturnInterviewHeldOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ReturnInterviewOffered).NotNull().WithMessage("Select whether the child was offered a return interview");
            RuleFor(c => c.ReturnInterviewAccepted).NotNull().When(c => c.ReturnInterviewOffered == true)
                .WithMessage("Select whether the child accepted the return interview");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.RecordReturnInterview(
                command.MissingEpisodeId, command.ReturnInterviewOffered!.Value, command.ReturnInterviewAccepted ?? false, command.ReturnInterviewHeldOn, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
