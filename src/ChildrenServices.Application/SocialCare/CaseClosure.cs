using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// What must be true before a child's social care involvement closes: no plan or assessment still
/// open (CIN rule 8867), and "closed after assessment" only when an assessment was completed (8825Q).
/// Checked when the worker asks and again when the manager approves, since things change in between.
/// </summary>
internal static class ClosureRules
{
    /// <summary>Reasons a worker may give; RC9 (referred to early help) comes only through a step-down.</summary>
    public static readonly string[] Allowed = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8"];

    public static async Task<Referral> EnsureCanCloseAsync(IAppDbContext db, Guid childId, string reasonCode, CancellationToken ct)
    {
        var referral = await db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.Open)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("The child has no open social care involvement to close", "ReasonCode");
        if (await db.ChildInNeedPlans.AnyAsync(p => p.ChildId == childId && p.EndedOn == null, ct))
        {
            throw new DomainRuleException("The child in need plan is still open: end it before the case closes", "ReasonCode");
        }

        if (await db.ChildProtectionPlans.AnyAsync(p => p.ChildId == childId && p.EndedOn == null, ct))
        {
            throw new DomainRuleException("The child protection plan is still open: it ends at a review conference before the case closes", "ReasonCode");
        }

        if (await db.PeriodsOfCare.AnyAsync(p => p.ChildId == childId && p.EndedOn == null, ct))
        {
            throw new DomainRuleException("The child is looked after: the period of care must end before the case closes", "ReasonCode");
        }

        if (await db.ChildAndFamilyAssessments.AnyAsync(a => a.ReferralId == referral.Id && a.Status != AssessmentStatus.Authorised, ct))
        {
            throw new DomainRuleException("The assessment is not authorised yet: it must be completed before the case closes", "ReasonCode");
        }

        if (reasonCode == "RC8" && !await db.ChildAndFamilyAssessments.AnyAsync(a => a.ReferralId == referral.Id && a.Status == AssessmentStatus.Authorised, ct))
        {
            throw new DomainRuleException("RC8 means closed after an assessment, and this referral has no completed assessment", "ReasonCode");
        }

        return referral;
    }
}

/// <summary>The social worker asks their manager to close the case with a DfE reason for closure.</summary>
public static class RequestCaseClosure
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public string? ReasonCode { get; init; }

        public string? Reasons { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ReasonCode).NotEmpty().WithMessage("Select the reason for closure");
            RuleFor(c => c.ReasonCode).Must(code => ClosureRules.Allowed.Contains(code))
                .When(c => !string.IsNullOrEmpty(c.ReasonCode)).WithMessage("Select a reason for closure from the list");
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("Summarise why the case can close")
                .MaximumLength(10_000).WithMessage("The summary must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await ClosureRules.EnsureCanCloseAsync(db, command.PersonId, command.ReasonCode!, cancellationToken);
            if (await db.ApprovalRequests.AnyAsync(a => a.Kind == ApprovalKind.CaseClosure && a.Status == ApprovalStatus.Pending && a.Children.Any(c => c.ChildId == command.PersonId), cancellationToken))
            {
                throw new DomainRuleException("A closure for this child is already waiting for a decision", "ReasonCode");
            }

            var request = ApprovalRequest.CaseClosure(referral.TeamId, command.PersonId, command.ReasonCode!,
                $"{command.ReasonCode} {DfeCodes.ReasonForClosure.DescriptionOf(command.ReasonCode!)}. {command.Reasons!.Trim()}", user.RequireUserId(), clock.GetUtcNow().UtcDateTime);
            db.ApprovalRequests.Add(request);
            return request.Id;
        }
    }
}
