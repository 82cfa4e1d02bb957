using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>A manager's approvals queue: every pending request for the teams they manage, urgent ones first, then oldest first, with its age.</summary>
public static class GetApprovals
{
    [RequiresPermission(Permission.DecideApprovals)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, Guid Version, ApprovalKind Kind, string TeamName, string Children, string RequestedBy, DateTime RequestedAtUtc, string Reasons, Guid? EpisodeId, StepDownStage? Stage = null, string? CoWorkingKeyworker = null, Guid? AssessmentId = null, Guid? FirstChildId = null, bool Urgent = false, string? FamilyName = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var seen = access.Sees<ApprovalChild>(c => c.ChildId);
            var rows = await db.ApprovalRequests.AsNoTracking()
                .Where(a => a.Status == ApprovalStatus.Pending && db.Teams.Any(t => t.Id == a.TeamId && t.ManagerId == user.UserId) && a.Children.AsQueryable().All(seen))
                .OrderByDescending(a => a.Urgent).ThenBy(a => a.RequestedAtUtc)
                .Select(a => new
                {
                    a.Id, a.Version, a.Kind, a.RequestedAtUtc, a.Reasons, a.EpisodeId, a.Stage, a.AssessmentId, a.Urgent,
                    Family = db.EarlyHelpEpisodes.Where(e => e.Id == a.EpisodeId).Select(e => e.FamilyName).FirstOrDefault(),
                    FirstChild = a.Children.Select(c => c.ChildId).FirstOrDefault(),
                    Team = db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).First(),
                    By = db.Staff.Where(s => s.Id == a.RequestedById).Select(s => s.DisplayName).First(),
                    Children = a.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList(),
                    Keyworker = db.Allocations
                        .Where(al => al.EndedOn == null && al.Role == AllocationRole.CoWorker && a.Children.Any(c => c.ChildId == al.ChildId)
                            && db.Teams.Any(t => t.Id == al.TeamId && t.Kind == TeamKind.EarlyHelp))
                        .Join(db.Staff, al => al.WorkerId, s => s.Id, (_, s) => s.DisplayName).FirstOrDefault(),
                })
                .AsSplitQuery().ToListAsync(cancellationToken);
            return rows.Select(r => new Row(r.Id, r.Version, r.Kind, r.Team, string.Join(", ", r.Children), r.By, r.RequestedAtUtc, r.Reasons, r.EpisodeId, r.Stage, r.Keyworker, r.AssessmentId, r.FirstChild, r.Urgent, r.Family)).ToList();
        }
    }
}
