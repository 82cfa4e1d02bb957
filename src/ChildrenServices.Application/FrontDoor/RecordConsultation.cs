using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// The CADS conversation with a professional: what was discussed, the advice given, who is best placed
/// to meet the child's needs, the actions agreed and who owns them, and any follow-up.
/// </summary>
public static class RecordConsultation
{
    public const int MaxActions = 5;

    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public string? Discussion { get; init; }

        public string? Advice { get; init; }

        public BestPlaced? BestPlaced { get; init; }

        public string? FollowUp { get; init; }

        public DateOnly? FollowUpOn { get; init; }

        public List<ActionInput> Actions { get; init; } = [];
    }

    public sealed record ActionInput
    {
        public string? Action { get; init; }

        public string? Owner { get; init; }

        public DateOnly? DueOn { get; init; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Owner) && DueOn is null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Discussion).NotEmpty().WithMessage("Enter what was discussed").LongText("What was discussed");
            RuleFor(c => c.Advice).NotEmpty().WithMessage("Enter the advice given").LongText("The advice given");
            RuleFor(c => c.BestPlaced).NotNull().WithMessage("Select who is best placed to meet the child's needs").IsInEnum();
            RuleFor(c => c.FollowUp).LongText("The follow-up");
            RuleFor(c => c.FollowUpOn)
                .Must(d => d >= UkTime.Today(clock)).When(c => c.FollowUpOn is not null)
                .WithMessage("The follow-up date must be today or in the future");
            RuleFor(c => c.Actions.Count).LessThanOrEqualTo(MaxActions).WithMessage($"Record at most {MaxActions} actions");
            RuleForEach(c => c.Actions).ChildRules(a =>
            {
                a.RuleFor(x => x.Action).NotEmpty().When(x => !x.IsBlank).WithMessage("Enter the action, or clear the row")
                    .MaximumLength(1000).WithMessage("The action must be 1,000 characters or fewer");
                a.RuleFor(x => x.DueOn).Must(d => d >= UkTime.Today(clock)).When(x => x.DueOn is not null)
                    .WithMessage("The date an action is due must be today or in the future");
                a.RuleFor(x => x.Owner).NotEmpty().When(x => !x.IsBlank).WithMessage("Enter who owns the action")
                    .MaximumLength(Contact.ShortTextLimit).WithMessage($"The owner must be {Contact.ShortTextLimit} characters or fewer");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.AgreedActions).SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            contact.RecordConsultation(
                new Consultation(command.Discussion!.Trim(), command.Advice!.Trim(), command.BestPlaced!.Value,
                    string.IsNullOrWhiteSpace(command.FollowUp) ? null : command.FollowUp.Trim(), command.FollowUpOn, user.UserId!.Value, clock.GetUtcNow().UtcDateTime),
                command.Actions.Where(a => !a.IsBlank).Select(a => new AgreedAction(a.Action!.Trim(), a.Owner!.Trim(), a.DueOn)));
            return Unit.Value;
        }
    }
}
