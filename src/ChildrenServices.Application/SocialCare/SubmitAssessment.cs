using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The worker sends the assessment to the team manager. It goes on the manager's approvals queue; the
/// manager's approval completes it (ADR 0011), a rejection sends it back with reasons.
/// </summary>
public static class SubmitAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command(Guid PersonId, Guid AssessmentId, Guid Version) : ICommand, IPersonScoped, IAudited, IVersioned;

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, command.Version, cancellationToken);
            assessment.Submit(UkTime.Today(clock));
            var teamId = await db.Referrals.Where(r => r.Id == assessment.ReferralId).Select(r => r.TeamId).SingleAsync(cancellationToken);
            var factors = string.Join(", ", assessment.Factors);
            var summary = $"Outcome: {assessment.Outcome!.Value.Describe()}. Factors: {factors}. Child seen {assessment.Seen.Count} time{(assessment.Seen.Count == 1 ? "" : "s")} ({assessment.Seen.Count(s => s.Alone)} alone)."
                + (assessment.LateReason is { } late ? $" Late because: {late}" : string.Empty);
            db.ApprovalRequests.Add(ApprovalRequest.AssessmentAuthorisation(teamId, assessment.ChildId, assessment.Id, summary, user.RequireUserId(), clock.GetUtcNow().UtcDateTime));
            return Unit.Value;
        }
    }
}
