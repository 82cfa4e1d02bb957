using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The social worker starts a child in need plan on the child's open referral, never alongside a child protection plan (CIN rules 4016, 4017).</summary>
public static class StartChildInNeedPlan
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the plan started");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral: a plan starts on an open episode of need", "StartedOn");
            if (await db.ChildInNeedPlans.AnyAsync(p => p.ChildId == command.PersonId && p.EndedOn == null, cancellationToken))
            {
                throw new DomainRuleException(ChildInNeedPlan.OneOpenPerChild, "StartedOn");
            }

            var childProtectionPlans = await db.ChildProtectionPlans.Where(p => p.ChildId == command.PersonId).ToListAsync(cancellationToken);
            PlanOverlap.EnsureChildInNeedPlanCanStart(command.StartedOn!.Value, childProtectionPlans);
            var plan = new ChildInNeedPlan(referral, command.StartedOn!.Value, UkTime.Today(clock));
            db.ChildInNeedPlans.Add(plan);
            return plan.Id;
        }
    }
}
