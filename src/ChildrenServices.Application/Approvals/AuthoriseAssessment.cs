using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>
/// A team manager decides an assessment sent for authorisation. Approval completes the assessment on today's
/// date (the census's authorisation date) and does what its outcome says: no further action closes the
/// referral RC8 and ends the team's allocations; early help raises a step-down from the end of the assessment
/// for the manager to decide. The manager may revise the referral's primary need as the assessment found it (the
/// front door's choice stays as the first, and each revision is kept). A rejection sends the assessment back to the worker with the manager's reasons.
/// </summary>
public static class AuthoriseAssessment
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IAudited, IApprovalDecision
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }

        /// <summary>The primary need as the assessment found it; blank keeps the one recorded.</summary>
        public string? PrimaryNeedCode { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ApprovalDecisionValidator<Command>());
            RuleFor(c => c.PrimaryNeedCode).Must(c => DfeCodes.PrimaryNeed.Contains(c!)).When(c => c.Approve == true && !string.IsNullOrEmpty(c.PrimaryNeedCode))
                .WithMessage("Select the child's primary need from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await ApprovalDecision.DecideAsync(db, user, access, clock, command, ApprovalKind.AssessmentAuthorisation, cancellationToken);
            var assessment = await db.ChildAndFamilyAssessments.SingleAsync(a => a.Id == request.AssessmentId, cancellationToken);
            if (!command.Approve!.Value)
            {
                assessment.ReturnToWorker(command.Rationale!);
                return "Assessment sent back to the worker with your reasons.";
            }

            var today = UkTime.Today(clock);
            assessment.Authorise(user.RequireUserId(), today);
            var referral = await db.Referrals.Include(r => r.PrimaryNeedRevisions).SingleAsync(r => r.Id == assessment.ReferralId, cancellationToken);
            if (!string.IsNullOrEmpty(command.PrimaryNeedCode))
            {
                // The assessment may find a different main need from the front door's: revised now, the first kept.
                referral.RevisePrimaryNeed(command.PrimaryNeedCode, today, user.RequireUserId(), assessment.Id);
            }

            switch (assessment.Outcome)
            {
                case AssessmentOutcome.NoFurtherAction:
                    var childCase = await ChildCases.LoadAsync(db, assessment.ChildId, cancellationToken);
                    var activity = await db.ChildProtectionEnquiries.AnyAsync(e => e.ReferralId == referral.Id && e.Section47, cancellationToken)
                        || await db.ChildInNeedPlans.AnyAsync(p => p.ReferralId == referral.Id, cancellationToken)
                        || await db.ChildProtectionPlans.AnyAsync(p => p.ReferralId == referral.Id, cancellationToken);
                    var code = childCase.CloseAfterAssessment(referral, today, activity);
                    return $"Assessment authorised: no further action, and the referral closed ({code}).";
                case AssessmentOutcome.EarlyHelp:
                    db.ApprovalRequests.Add(ApprovalRequest.StepDown(StepDownStage.EndOfAssessment, referral.TeamId, [assessment.ChildId],
                        $"The assessment authorised on {today:d MMMM yyyy} recommends early help.", assessment.WorkerId, clock.GetUtcNow().UtcDateTime));
                    return "Assessment authorised: a step-down to early help is now waiting in your approvals.";
                default:
                    return $"Assessment authorised: {assessment.Outcome!.Value.Describe()} is the next step.";
            }
        }
    }
}
