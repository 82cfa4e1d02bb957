using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>
/// A team manager approves or rejects a step-up with written rationale. Approval refers each child to
/// children's social care (source 5D, LA early help) for the chosen assessment team, and the keyworker
/// stays on the case as co-worker (<see cref="Domain.Allocations.ChildCase.StepUp"/>): the family does not lose its worker.
/// </summary>
public static class DecideStepUp
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IAudited, IApprovalDecision
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }

        /// <summary>The assessment team the referral goes to.</summary>
        public Guid? AssessmentTeamId { get; init; }

        /// <summary>The child's primary need for the referral (DfE N0–N9).</summary>
        public string? PrimaryNeedCode { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            Include(new ApprovalDecisionValidator<Command>());
            When(c => c.Approve == true, () =>
            {
                RuleFor(c => c.AssessmentTeamId).NotNull().WithMessage("Select the assessment team the referral goes to")
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.Kind == TeamKind.Assessment, ct))
                    .When(c => c.AssessmentTeamId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select an assessment team");
                RuleFor(c => c.PrimaryNeedCode).NotEmpty().WithMessage("Select the child's primary need")
                    .Must(code => DfeCodes.PrimaryNeed.Find(code!) is not null).When(c => !string.IsNullOrEmpty(c.PrimaryNeedCode), ApplyConditionTo.CurrentValidator).WithMessage("Select a primary need from the list");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, WorkingDayCalendar calendar, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await ApprovalDecision.DecideAsync(db, user, access, clock, command, ApprovalKind.StepUp, cancellationToken);
            if (!command.Approve!.Value)
            {
                return "Request rejected; the worker can see your rationale.";
            }

            var today = UkTime.Today(clock);
            var childIds = request.Children.Select(c => c.ChildId).ToList();
            // CIN rule 8815: a child whose referral is still open (stepped up before) keeps that one episode of need.
            var alreadyOpen = await db.Referrals.Where(r => childIds.Contains(r.ChildId) && r.Status == ReferralStatus.Open).Select(r => r.ChildId).ToListAsync(cancellationToken);
            foreach (var childId in childIds.Except(alreadyOpen))
            {
                var previous = await ReferralHistory.LatestOnOrBeforeAsync(db, childId, today, cancellationToken);
                db.Referrals.Add(new Referral(childId, null, today, "5D", command.PrimaryNeedCode!, command.AssessmentTeamId!.Value, false, previous, calendar));
            }

            // The keyworker stays: their lead allocations become co-working beside the social worker to come.
            foreach (var childCase in (await ChildCases.LoadAsync(db, childIds, cancellationToken)).Values)
            {
                childCase.StepUp(request.TeamId);
            }

            var team = await db.Teams.Where(t => t.Id == command.AssessmentTeamId).Select(t => new { t.Name, t.ManagerId }).SingleAsync(cancellationToken);
            if (team.ManagerId is { } managerId)
            {
                var family = await db.EarlyHelpEpisodes.Where(e => e.Id == request.EpisodeId).Select(e => "the " + e.FamilyName).FirstOrDefaultAsync(cancellationToken);
                db.Notifications.Add(new Domain.Notifications.Notification(managerId,
                    $"{(request.Urgent ? "Urgent step-up" : "Step-up")} from early help: {family ?? "a family"} is waiting for allocation", "/Team", request.Urgent, clock.GetUtcNow().UtcDateTime));
            }

            return $"Step-up approved: the family has been referred to {team.Name}, and the keyworker stays as co-worker.";
        }
    }
}
