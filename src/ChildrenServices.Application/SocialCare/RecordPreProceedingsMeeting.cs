using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.SocialCare;

/// <summary>A pre-proceedings meeting with the parents: the first is the initial meeting, the rest reviews (the census counts them).</summary>
public static class RecordPreProceedingsMeeting
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PreProceedingsId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Summary { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the meeting");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Write what the meeting agreed")
                .MaximumLength(PreProceedings.TextLimit).WithMessage($"The summary must be {PreProceedings.TextLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await PreProceedingsLoader.LoadAsync(db, command.PersonId, command.PreProceedingsId, command.Version, cancellationToken);
            record.RecordMeeting(command.HeldOn!.Value, command.Summary, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
