using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// After the decision to issue: the application to the court for a care order (CourtAppDate) and the letter telling the
/// parents that proceedings have been initiated (LetterInitCPDate), which may follow later.
/// </summary>
public static class RecordCourtApplication
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PreProceedingsId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? CourtApplicationOn { get; init; }

        public DateOnly? CourtLetterSentOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CourtApplicationOn).NotNull().WithMessage("Enter the date the application was made to the court");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await PreProceedingsLoader.LoadAsync(db, command.PersonId, command.PreProceedingsId, command.Version, cancellationToken);
            record.RecordCourtApplication(command.CourtApplicationOn!.Value, command.CourtLetterSentOn, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
