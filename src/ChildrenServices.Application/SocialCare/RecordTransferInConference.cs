using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The reviewing officer who chaired it records a transfer-in conference: a child who came from another council under
/// a child protection plan gets this council's plan from the conference, on the open referral, without a section 47
/// here. The same rules as any plan: none while another is open (CIN rule 8935) or before an earlier one ended (8940);
/// an open child in need plan ends on the conference date (4001, 4016, 4017); no conference on a weekend (8875).
/// </summary>
public static class RecordTransferInConference
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? TransferredFrom { get; init; }

        public string? InitialCategory { get; init; }

        /// <summary>Plans under other councils before this one, in total, including the one the child came under.</summary>
        public int? PreviousPlansElsewhere { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the conference");
            RuleFor(c => c.TransferredFrom).NotEmpty().WithMessage("Enter the council the child was transferred in from")
                .MaximumLength(ChildProtectionPlan.CouncilNameLimit).WithMessage($"The council's name must be {ChildProtectionPlan.CouncilNameLimit} characters or fewer");
            RuleFor(c => c.InitialCategory).NotEmpty().WithMessage("Select the initial category of abuse");
            RuleFor(c => c.InitialCategory).Must(code => DfeCodes.CategoryOfAbuse.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.InitialCategory)).WithMessage("Select a category of abuse from the list");
            RuleFor(c => c.PreviousPlansElsewhere).NotNull().WithMessage("Enter how many child protection plans the child had under other councils, including the one they came under")
                .InclusiveBetween(1, ChildProtectionPlan.MostPreviousPlansElsewhere)
                .WithMessage("Enter the number of plans under other councils as a whole number from 1 to 20: it includes the plan the child was transferred in under");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.SingleOrDefaultAsync(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open, cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral: a child transferred in is referred first, then the conference is recorded on that referral", "HeldOn");
            if (await db.ChildProtectionEnquiries.AnyAsync(e => e.ReferralId == referral.Id && e.Section47 && e.ConferenceNeeded != false && e.ConferenceHeldOn == null, cancellationToken))
            {
                throw new DomainRuleException("A section 47 enquiry is open on this referral: record its initial conference instead", "HeldOn");
            }

            var plan = ChildProtectionPlan.FromTransferInConference(referral, command.HeldOn!.Value, command.InitialCategory!, command.TransferredFrom!,
                command.PreviousPlansElsewhere!.Value, user.RequireUserId(), UkTime.Today(clock));
            var plans = await db.ChildProtectionPlans.Where(p => p.ChildId == command.PersonId).ToListAsync(cancellationToken);
            PlanOverlap.EnsureChildProtectionPlanCanStart(plan.StartedOn, plans);
            var childInNeedPlan = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.ChildId == command.PersonId && p.EndedOn == null, cancellationToken);
            childInNeedPlan?.EndAsChildProtectionPlanStarts(plan.StartedOn);
            db.ChildProtectionPlans.Add(plan);
            return Unit.Value;
        }
    }
}
