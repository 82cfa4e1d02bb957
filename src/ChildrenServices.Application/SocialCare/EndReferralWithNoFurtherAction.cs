using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The manager of the team holding the case (the lead's team, or with no lead the team the referral is with) ends a referral with no further action before any assessment: the CIN
/// census's referral NFA. The episode of need closes on the date given with the reason for closure the manager
/// chose, the team's allocations end, and nothing statutory can be recorded on it afterwards (rule 8831).
/// </summary>
public static class EndReferralWithNoFurtherAction
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid ReferralId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? ClosedOn { get; init; }

        public string? ReasonCode { get; init; }

        public string? Rationale { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClosedOn).NotNull().WithMessage("Enter the date the referral ended");
            RuleFor(c => c.ReasonCode).NotEmpty().WithMessage("Select the reason for closure");
            RuleFor(c => c.ReasonCode).Must(c => Referral.NoFurtherActionClosureCodes.Contains(c!)).When(c => !string.IsNullOrEmpty(c.ReasonCode))
                .WithMessage("Select the reason for closure");
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Write why the referral needs no further action")
                .MaximumLength(Referral.TextLimit).WithMessage("The rationale must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var childCase = await ChildCases.LoadAsync(db, command.PersonId, cancellationToken);
            var referral = childCase.OpenReferral is { } open && open.Id == command.ReferralId ? open
                : throw new DomainRuleException("This referral is no longer open: it has been closed or withdrawn since you opened the page", "ClosedOn");
            db.ExpectVersion(referral, command.Version);

            var me = user.RequireUserId();
            if (!await access.ManagesHoldingTeamAsync(command.PersonId, cancellationToken))
            {
                throw new DomainRuleException("Only the manager of the team holding the case can end the referral with no further action", "Rationale");
            }

            var recorded = await db.Referrals.Where(r => r.Id == referral.Id)
                .Select(r => new RecordedOnReferral(
                    db.ChildAndFamilyAssessments.Count(a => a.ReferralId == r.Id),
                    db.ChildProtectionEnquiries.Count(e => e.ReferralId == r.Id),
                    db.ChildInNeedPlans.Count(p => p.ReferralId == r.Id),
                    db.ChildProtectionPlans.Count(p => p.ReferralId == r.Id)))
                .SingleAsync(cancellationToken);
            childCase.EndReferralWithNoFurtherAction(referral, command.ClosedOn!.Value, command.ReasonCode!, command.Rationale!, me, recorded, UkTime.Today(clock));
            return $"The referral ended with no further action ({command.ReasonCode} {DfeCodes.ReasonForClosure.DescriptionOf(command.ReasonCode!)}).";
        }
    }
}
