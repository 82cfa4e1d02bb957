using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// A manager's incoming work: open referrals to the teams they manage that no worker of the team leads
/// yet — strategy discussions first, then by assessment due date — with any keyworker still co-working.
/// </summary>
public static class GetReferralsAwaitingAllocation
{
    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid ChildId, string ChildName, string TeamName, DateOnly ReferralDate, DateOnly AssessmentDueOn, bool IsReReferral, bool ImmediateStrategyDiscussion, string SourceCode, string? KeyworkerName, bool IsOverdue);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkTime.Today(clock);
            return await access.WhereVisible(db.Referrals.AsNoTracking(), r => r.ChildId)
                .Where(r => r.Status == ReferralStatus.Open
                    && db.Teams.Any(t => t.Id == r.TeamId && t.ManagerId == user.UserId)
                    && !db.Allocations.Any(a => a.ChildId == r.ChildId && a.TeamId == r.TeamId && a.EndedOn == null && a.Role == AllocationRole.Lead))
                .OrderByDescending(r => r.ImmediateStrategyDiscussion).ThenBy(r => r.AssessmentDueOn)
                .Select(r => new Row(
                    r.ChildId,
                    db.People.Where(p => p.Id == r.ChildId).Select(p => p.GivenNames + " " + p.FamilyName).First(),
                    db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).First(),
                    r.ReferralDate, r.AssessmentDueOn, r.IsReReferral, r.ImmediateStrategyDiscussion, r.SourceCode,
                    db.Allocations.Where(a => a.ChildId == r.ChildId && a.EndedOn == null && a.Role == AllocationRole.CoWorker)
                        .Join(db.Staff, a => a.WorkerId, s => s.Id, (a, s) => s.DisplayName).FirstOrDefault(),
                    r.AssessmentDueOn < today))
                .ToListAsync(cancellationToken);
        }
    }
}
