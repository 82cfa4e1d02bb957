using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
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
/// stays on the case as co-worker: the family does not lose its worker.
/// </summary>
public static class DecideApproval
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IAudited, IVersioned
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }

        /// <summary>Step-up: the assessment team the referral goes to.</summary>
        public Guid? AssessmentTeamId { get; init; }

        /// <summary>Step-up: the child's primary need for the referral (DfE N0–N9).</summary>
        public string? PrimaryNeedCode { get; init; }

        /// <summary>Step-down: the keyworker who takes the family (the existing one where there is one).</summary>
        public Guid? KeyworkerId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.Approve).NotNull().WithMessage("Select whether you approve the request");
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Write the rationale for your decision")
                .MaximumLength(10_000).WithMessage("The rationale must be 10,000 characters or fewer");
            When(c => c.Approve == true && db.ApprovalRequests.Any(a => a.Id == c.RequestId && a.Kind == ApprovalKind.StepUp), () =>
            {
                RuleFor(c => c.AssessmentTeamId).NotNull().WithMessage("Select the assessment team the referral goes to")
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.Kind == TeamKind.Assessment, ct))
                    .When(c => c.AssessmentTeamId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select an assessment team");
                RuleFor(c => c.PrimaryNeedCode).NotEmpty().WithMessage("Select the child's primary need")
                    .Must(code => DfeCodes.PrimaryNeed.Find(code!) is not null).When(c => !string.IsNullOrEmpty(c.PrimaryNeedCode), ApplyConditionTo.CurrentValidator).WithMessage("Select a primary need from the list");
            });
            When(c => c.Approve == true && db.ApprovalRequests.Any(a => a.Id == c.RequestId && a.Kind == ApprovalKind.StepDown) && !HasCoWorkingKeyworker(db, c.RequestId), () =>
            {
                RuleFor(c => c.KeyworkerId).NotNull().WithMessage("Select the keyworker who will take the family")
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.IsActive && t.Kind == TeamKind.EarlyHelp && t.Members.Any(m => m.UserId == id), ct))
                    .When(c => c.KeyworkerId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select a keyworker in an early help team");
            });
        }
    }

    /// <summary>A keyworker from an early help team already co-works one of the children: they take the family.</summary>
    private static bool HasCoWorkingKeyworker(IAppDbContext db, Guid requestId) =>
        db.ApprovalRequests.Where(a => a.Id == requestId).SelectMany(a => a.Children)
            .Any(c => db.Allocations.Any(al => al.ChildId == c.ChildId && al.EndedOn == null && al.Role == AllocationRole.CoWorker
                && db.Teams.Any(t => t.Id == al.TeamId && t.Kind == TeamKind.EarlyHelp)));

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, WorkingDayCalendar calendar, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.ApprovalRequests.Include(a => a.Children).SingleOrDefaultAsync(a => a.Id == command.RequestId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            foreach (var child in request.Children)
            {
                if (!await access.CanSeeAsync(child.ChildId, cancellationToken))
                {
                    throw new NotFoundException("Page not found");
                }
            }

            db.ExpectVersion(request, command.Version);
            var manages = await db.Teams.AnyAsync(t => t.Id == request.TeamId && t.ManagerId == user.UserId, cancellationToken);
            request.Decide(command.Approve!.Value, command.Rationale!, user.UserId!.Value, manages, clock.GetUtcNow().UtcDateTime);
            var today = UkTime.Today(clock);
            if (request.Kind == ApprovalKind.AssessmentAuthorisation)
            {
                return await AssessmentAsync(request, command.Approve.Value, command.Rationale!, today, cancellationToken);
            }

            if (request.Kind == ApprovalKind.CaseClosure)
            {
                return await ClosureAsync(request, command.Approve.Value, today, cancellationToken);
            }

            if (!command.Approve.Value)
            {
                return "Request rejected; the worker can see your rationale.";
            }

            var childIds = request.Children.Select(c => c.ChildId).ToList();
            if (request.Kind == ApprovalKind.StepDown)
            {
                return await StepDownAsync(request, command, childIds, today, cancellationToken);
            }

            foreach (var childId in childIds)
            {
                var previous = await db.Referrals.Where(r => r.ChildId == childId && r.Status != ReferralStatus.Withdrawn && r.ReferralDate <= today)
                    .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(cancellationToken);
                db.Referrals.Add(new Referral(childId, null, today, "5D", command.PrimaryNeedCode!, command.AssessmentTeamId!.Value, false, previous, calendar));
            }

            // The keyworker stays: their lead allocations become co-working beside the social worker to come.
            foreach (var allocation in await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.TeamId == request.TeamId && a.EndedOn == null && a.Role == AllocationRole.Lead).ToListAsync(cancellationToken))
            {
                allocation.BecomeCoWorker();
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

        /// <summary>
        /// Approval completes the assessment on today's date (the census's authorisation date) and does what
        /// its outcome says: no further action closes the referral RC8 and ends the team's allocations;
        /// early help raises a step-down from the end of the assessment for the manager to decide. A
        /// rejection sends the assessment back to the worker with the manager's reasons.
        /// </summary>
        private async Task<string> AssessmentAsync(ApprovalRequest request, bool approve, string rationale, DateOnly today, CancellationToken ct)
        {
            var assessment = await db.ChildAndFamilyAssessments.SingleAsync(a => a.Id == request.AssessmentId, ct);
            if (!approve)
            {
                assessment.ReturnToWorker(rationale);
                return "Assessment sent back to the worker with your reasons.";
            }

            assessment.Authorise(user.UserId!.Value, today);
            var referral = await db.Referrals.SingleAsync(r => r.Id == assessment.ReferralId, ct);
            switch (assessment.Outcome)
            {
                case Domain.SocialCare.AssessmentOutcome.NoFurtherAction:
                    referral.Close(today, "RC8");
                    foreach (var allocation in await db.Allocations.Where(a => a.ChildId == assessment.ChildId && a.TeamId == referral.TeamId && a.EndedOn == null).ToListAsync(ct))
                    {
                        allocation.End(today);
                    }

                    return "Assessment authorised: no further action, and the referral closed (RC8).";
                case Domain.SocialCare.AssessmentOutcome.EarlyHelp:
                    db.ApprovalRequests.Add(ApprovalRequest.StepDown(StepDownStage.EndOfAssessment, referral.TeamId, [assessment.ChildId],
                        $"The assessment authorised on {today:d MMMM yyyy} recommends early help.", assessment.WorkerId, clock.GetUtcNow().UtcDateTime));
                    return "Assessment authorised: a step-down to early help is now waiting in your approvals.";
                default:
                    return $"Assessment authorised: {assessment.Outcome!.Value.Describe()} is the next step.";
            }
        }

        /// <summary>
        /// Approval closes the referral with the reason the worker gave and ends the team's allocations,
        /// if nothing has been opened since the worker asked; a rejection leaves the case open.
        /// </summary>
        private async Task<string> ClosureAsync(ApprovalRequest request, bool approve, DateOnly today, CancellationToken ct)
        {
            if (!approve)
            {
                return "Closure rejected: the case stays open, and the worker can see your rationale.";
            }

            var childId = request.Children[0].ChildId;
            var referral = await SocialCare.ClosureRules.EnsureCanCloseAsync(db, childId, request.ClosureReasonCode!, ct);
            referral.Close(today, request.ClosureReasonCode!);
            foreach (var allocation in await db.Allocations.Where(a => a.ChildId == childId && a.TeamId == referral.TeamId && a.EndedOn == null).ToListAsync(ct))
            {
                allocation.End(today < allocation.StartedOn ? allocation.StartedOn : today);
            }

            return $"Case closed ({request.ClosureReasonCode}).";
        }

        /// <summary>
        /// The family goes to a keyworker — the one already co-working where there is one — as a support
        /// case, and the social care involvement closes with the stage's reason code.
        /// </summary>
        private async Task<string> StepDownAsync(ApprovalRequest request, Command command, List<Guid> childIds, DateOnly today, CancellationToken ct)
        {
            var allocations = await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.EndedOn == null).ToListAsync(ct);
            var earlyHelpTeams = await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp && t.IsActive).Select(t => new { t.Id, Members = t.Members.Select(m => m.UserId).ToList() }).ToListAsync(ct);
            var existing = allocations.FirstOrDefault(a => a.Role == AllocationRole.CoWorker && earlyHelpTeams.Any(t => t.Id == a.TeamId));
            var keyworker = existing?.WorkerId ?? command.KeyworkerId
                ?? throw new Domain.Common.DomainRuleException("Select the keyworker who will take the family", "KeyworkerId");
            var team = existing?.TeamId ?? earlyHelpTeams.FirstOrDefault(t => t.Members.Contains(keyworker))?.Id
                ?? throw new Domain.Common.DomainRuleException("Select a keyworker in an early help team", "KeyworkerId");

            // A child in need plan ends with the social care involvement it belongs to.
            foreach (var plan in await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).Where(p => childIds.Contains(p.ChildId) && p.EndedOn == null).ToListAsync(ct))
            {
                plan.End(new[] { today, plan.StartedOn, plan.LatestReview ?? plan.StartedOn, plan.Visits.Select(v => v.VisitedOn).DefaultIfEmpty(plan.StartedOn).Max() }.Max(), "Stepped down to early help (approved)", today);
            }

            foreach (var referral in await db.Referrals.Where(r => childIds.Contains(r.ChildId) && r.Status == ReferralStatus.Open).ToListAsync(ct))
            {
                referral.Close(today < referral.ReferralDate ? referral.ReferralDate : today, request.StepDownReasonCode);
            }

            foreach (var allocation in allocations)
            {
                if (allocation.WorkerId == keyworker && allocation.TeamId == team)
                {
                    allocation.BecomeLead();
                }
                else if (!earlyHelpTeams.Any(t => t.Id == allocation.TeamId))
                {
                    allocation.End(today < allocation.StartedOn ? allocation.StartedOn : today);
                }
            }

            foreach (var childId in childIds.Where(c => !allocations.Any(a => a.ChildId == c && a.WorkerId == keyworker)))
            {
                db.Allocations.Add(new Allocation(childId, keyworker, team, AllocationRole.Lead, today, user.UserId!.Value));
            }

            var open = await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => childIds.Contains(c.ChildId))).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (open is null)
            {
                var name = await db.People.Where(p => p.Id == childIds[0]).Select(p => p.FamilyName).SingleAsync(ct);
                var episode = new Domain.EarlyHelp.EarlyHelpEpisode($"{name} family", Domain.EarlyHelp.EpisodeKind.Support, Domain.EarlyHelp.SupportReason.SteppingDownFromSocialCare,
                    Domain.EarlyHelp.EpisodeStart.StepDown, null, today, team, keyworker, childIds);
                db.EarlyHelpEpisodes.Add(episode);
                db.EarlyHelpAssessments.Add(new Domain.EarlyHelp.EarlyHelpAssessment(episode.Id));
                db.FamilyPlans.Add(new Domain.EarlyHelp.FamilyPlan(episode.Id));
                open = episode.Id;
            }

            request.LinkEpisode(open.Value);
            var name2 = await db.Staff.Where(s => s.Id == keyworker).Select(s => s.DisplayName).SingleAsync(ct);
            return $"Step-down approved: {name2} now holds the family as a support case, and social care involvement closed ({request.StepDownReasonCode}).";
        }
    }
}
