using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.Teams;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>
/// A team manager approves or rejects a step-down with written rationale. Approval gives the family to a
/// keyworker — the one already co-working where there is one — as a support case, and the social care
/// involvement closes with the stage's reason code (<see cref="ChildCase.StepDown"/>).
/// </summary>
public static class DecideStepDown
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Command : ICommand<string>, IAudited, IApprovalDecision
    {
        public Guid RequestId { get; init; }

        public Guid Version { get; init; }

        public bool? Approve { get; init; }

        public string? Rationale { get; init; }

        /// <summary>The keyworker who takes the family (the existing one where there is one).</summary>
        public Guid? KeyworkerId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            Include(new ApprovalDecisionValidator<Command>());
            WhenAsync(async (c, ct) => c.Approve == true && !await HasCoWorkingKeyworkerAsync(db, c.RequestId, ct), () =>
            {
                RuleFor(c => c.KeyworkerId).NotNull().WithMessage("Select the keyworker who will take the family")
                    .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.IsActive && t.Kind == TeamKind.EarlyHelp && t.Members.Any(m => m.UserId == id), ct))
                    .When(c => c.KeyworkerId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Select a keyworker in an early help team");
            });
        }
    }

    /// <summary>A keyworker from an early help team already co-works one of the children: they take the family.</summary>
    private static Task<bool> HasCoWorkingKeyworkerAsync(IAppDbContext db, Guid requestId, CancellationToken ct) =>
        db.ApprovalRequests.Where(a => a.Id == requestId).SelectMany(a => a.Children)
            .AnyAsync(c => db.Allocations.Any(al => al.ChildId == c.ChildId && al.EndedOn == null && al.Role == AllocationRole.CoWorker
                && db.Teams.Any(t => t.Id == al.TeamId && t.Kind == TeamKind.EarlyHelp)), ct);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await ApprovalDecision.DecideAsync(db, user, access, clock, command, ApprovalKind.StepDown, cancellationToken);
            if (!command.Approve!.Value)
            {
                return "Request rejected; the worker can see your rationale.";
            }

            var today = UkTime.Today(clock);
            var childIds = request.Children.Select(c => c.ChildId).ToList();
            var cases = await ChildCases.LoadAsync(db, childIds, cancellationToken);
            var earlyHelpTeams = await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp && t.IsActive).Select(t => new { t.Id, Members = t.Members.Select(m => m.UserId).ToList() }).ToListAsync(cancellationToken);
            var earlyHelpTeamIds = earlyHelpTeams.Select(t => t.Id).ToList();
            var existing = cases.Values.SelectMany(c => c.Allocations).FirstOrDefault(a => a.Role == AllocationRole.CoWorker && earlyHelpTeamIds.Contains(a.TeamId));
            var keyworker = existing?.WorkerId ?? command.KeyworkerId
                ?? throw new DomainRuleException("Select the keyworker who will take the family", "KeyworkerId");
            var team = existing?.TeamId ?? earlyHelpTeams.FirstOrDefault(t => t.Members.Contains(keyworker))?.Id
                ?? throw new DomainRuleException("Select a keyworker in an early help team", "KeyworkerId");

            // A child in need plan ends with the social care involvement it belongs to.
            foreach (var plan in await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).Where(p => childIds.Contains(p.ChildId) && p.EndedOn == null).ToListAsync(cancellationToken))
            {
                plan.End(new[] { today, plan.StartedOn, plan.LatestReview ?? plan.StartedOn, plan.Visits.Select(v => v.VisitedOn).DefaultIfEmpty(plan.StartedOn).Max() }.Max(), "Stepped down to early help (approved)", today);
            }

            foreach (var childCase in cases.Values)
            {
                db.Started(childCase.StepDown(keyworker, team, earlyHelpTeamIds, request.StepDownReasonCode, today, user.RequireUserId()));
            }

            var open = await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => childIds.Contains(c.ChildId))).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (open is null)
            {
                var name = await db.People.Where(p => p.Id == childIds[0]).Select(p => p.FamilyName).SingleAsync(cancellationToken);
                var episode = new EarlyHelpEpisode($"{name} family", EpisodeKind.Support, SupportReason.SteppingDownFromSocialCare,
                    EpisodeStart.StepDown, null, today, team, keyworker, childIds);
                db.EarlyHelpEpisodes.Add(episode);
                db.EarlyHelpAssessments.Add(new EarlyHelpAssessment(episode.Id));
                db.FamilyPlans.Add(new FamilyPlan(episode.Id));
                open = episode.Id;
            }

            request.LinkEpisode(open.Value);
            var keyworkerName = await db.Staff.Where(s => s.Id == keyworker).Select(s => s.DisplayName).SingleAsync(cancellationToken);
            return $"Step-down approved: {keyworkerName} now holds the family as a support case, and social care involvement closed ({request.StepDownReasonCode}).";
        }
    }
}
