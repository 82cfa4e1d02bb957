using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Teams;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// The front-door decision, with its rationale. Where the deployment requires sign-off it waits for a
/// manager; otherwise it takes effect at once. A decided contact is corrected by deciding again with
/// a reason: the earlier decision stays on record, superseded. Returns what happens next.
/// </summary>
public static class DecideContact
{
    [RequiresPermission(Permission.DecideContacts)]
    public sealed record Command : ICommand<string>, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public ContactOutcome? Outcome { get; init; }

        public string? Rationale { get; init; }

        public string? ReferralSourceCode { get; init; }

        public string? PrimaryNeedCode { get; init; }

        public Guid? TeamId { get; init; }

        public string? CorrectionReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the decision").IsInEnum();
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Enter the rationale for the decision").LongText("The rationale");
            RuleFor(c => c.CorrectionReason).LongText("The reason for the correction");
            When(c => c.Outcome is { } o && o.OpensReferral(), () =>
            {
                RuleFor(c => c.ReferralSourceCode).NotEmpty().WithMessage("Select the referral source").InCodeSet(DfeCodes.ReferralSource, "referral source");
                RuleFor(c => c.PrimaryNeedCode).NotEmpty().WithMessage("Select the child's primary need").InCodeSet(DfeCodes.PrimaryNeed, "primary need");
                RuleFor(c => c.TeamId).NotNull().WithMessage("Select the assessment team the referral goes to");
                RuleFor(c => c.TeamId)
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.Kind == TeamKind.Assessment, ct))
                    .When(c => c.TeamId is not null).WithMessage("Select an assessment team");
            });
            When(c => c.Outcome == ContactOutcome.EarlyHelp, () =>
            {
                RuleFor(c => c.TeamId).NotNull().WithMessage("Select the early help locality team");
                RuleFor(c => c.TeamId)
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.Kind == TeamKind.EarlyHelp, ct))
                    .When(c => c.TeamId is not null).WithMessage("Select an early help locality team");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, FrontDoorSettings settings, DecisionConsequences consequences)
        : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await ContactLoader.FullAsync(db, command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            var outcome = command.Outcome!.Value;
            var decision = contact.Decide(
                new DecisionDetails(outcome, command.Rationale!, command.ReferralSourceCode, command.PrimaryNeedCode, command.TeamId, command.CorrectionReason),
                settings.DecisionsNeedManagerSignOff, user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
            if (!decision.InForce)
            {
                return "The decision has been sent to a manager for sign-off. Nothing happens until it is agreed.";
            }

            return await consequences.ApplyAsync(contact, decision, cancellationToken);
        }
    }
}
