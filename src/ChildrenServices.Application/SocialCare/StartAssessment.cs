using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The social worker starts the child and family assessment on the open referral.</summary>
public static class StartAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the assessment started");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.Where(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open)
                .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral to assess", "StartedOn");

            // CIN rule 8896: one open assessment per episode of need — and a referral has one child and family
            // assessment: once it is authorised, the referral goes on to its outcome, not to a second assessment.
            var existing = await db.ChildAndFamilyAssessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Status).ToListAsync(cancellationToken);
            if (existing.Contains(AssessmentStatus.Authorised))
            {
                throw new DomainRuleException("The assessment on this referral has already been authorised: a new assessment needs a new referral", "StartedOn");
            }

            if (existing.Count > 0)
            {
                throw new DomainRuleException("An assessment is already open on this referral", "StartedOn");
            }

            var assessment = new ChildAndFamilyAssessment(referral, command.StartedOn!.Value, user.RequireUserId(), UkTime.Today(clock));
            db.ChildAndFamilyAssessments.Add(assessment);
            return assessment.Id;
        }
    }
}
