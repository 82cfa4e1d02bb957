using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// What came of the family group decision-making meeting the letter offered (CIN query 9010Q): held, with the date
/// and the family's proposal; or not held, with why.
/// </summary>
public static class RecordFamilyGroupMeeting
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PreProceedingsId { get; init; }

        public Guid Version { get; init; }

        public bool? FgdmAccepted { get; init; }

        public DateOnly? FgdmHeldOn { get; init; }

        public string? FamilyProposal { get; init; }

        public string? FgdmNotHeldReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FgdmAccepted).NotNull().WithMessage("Select whether the family accepted the meeting");
            RuleFor(c => c.FamilyProposal).NotEmpty().When(c => c.FgdmHeldOn is not null).WithMessage("Write what the family proposed at the meeting");
            RuleFor(c => c.FgdmNotHeldReason).NotEmpty().When(c => c.FgdmAccepted == false).WithMessage("Say why the family declined the meeting");
            RuleFor(c => c.FgdmNotHeldReason).NotEmpty().When(c => c.FgdmAccepted == true && c.FgdmHeldOn is null)
                .WithMessage("Enter the date the meeting was held, or say why it was not held");
            RuleFor(c => c.FamilyProposal).MaximumLength(PreProceedings.TextLimit).WithMessage($"The proposal must be {PreProceedings.TextLimit:N0} characters or fewer");
            RuleFor(c => c.FgdmNotHeldReason).MaximumLength(PreProceedings.TextLimit).WithMessage($"The reason must be {PreProceedings.TextLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await PreProceedingsLoader.LoadAsync(db, command.PersonId, command.PreProceedingsId, command.Version, cancellationToken);
            record.RecordFgdm(command.FgdmAccepted!.Value, command.FgdmHeldOn, command.FamilyProposal, command.FgdmNotHeldReason, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
