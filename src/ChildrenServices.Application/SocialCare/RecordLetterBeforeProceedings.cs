using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The letter before proceedings went to the parents, and whether it offered a family group decision-making meeting
/// (LBPSentDate and FGDMMeetingOffer, asked together as CIN rule 9007 wants); with no offer, why a meeting is not in
/// the child's best interests.
/// </summary>
public static class RecordLetterBeforeProceedings
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PreProceedingsId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? LetterSentOn { get; init; }

        public bool? FgdmOffered { get; init; }

        public string? FgdmNotOfferedReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LetterSentOn).NotNull().WithMessage("Enter the date the letter before proceedings was sent");
            RuleFor(c => c.FgdmOffered).NotNull().WithMessage("Select whether the letter offered a family group decision-making meeting");
            RuleFor(c => c.FgdmNotOfferedReason).NotEmpty().When(c => c.FgdmOffered == false)
                .WithMessage("Say why a family group decision-making meeting is not in the child's best interests");
            RuleFor(c => c.FgdmNotOfferedReason).MaximumLength(PreProceedings.TextLimit)
                .WithMessage($"The reason must be {PreProceedings.TextLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await PreProceedingsLoader.LoadAsync(db, command.PersonId, command.PreProceedingsId, command.Version, cancellationToken);
            record.RecordLetter(command.LetterSentOn!.Value, command.FgdmOffered!.Value, command.FgdmNotOfferedReason, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
