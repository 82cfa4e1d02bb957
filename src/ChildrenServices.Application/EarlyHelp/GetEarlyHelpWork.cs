using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Early help as a keyworker or locality manager sees it: requests waiting in my teams, and the families we hold.</summary>
public static class GetEarlyHelpWork
{
    [RequiresPermission(Permission.WorkEarlyHelp)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<RequestRow> Requests, IReadOnlyList<EpisodeRow> Episodes);

    public sealed record RequestRow(Guid Id, DateOnly RequestedOn, string TeamName, string Children, bool CanStart);

    public sealed record EpisodeRow(Guid Id, string FamilyName, EpisodeKind Kind, DateOnly StartedOn, string KeyworkerName, string Children, bool AssessmentComplete, int Goals, DateOnly? NextReviewOn, bool Mine);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.UserId ?? Guid.Empty;
            var myTeams = await db.Teams.Where(t => t.ManagerId == me || t.Members.Any(m => m.UserId == me)).Select(t => new { t.Id, t.Name, t.ManagerId }).ToListAsync(cancellationToken);
            var teamIds = myTeams.Select(t => t.Id).ToList();
            var seenOnRequest = access.Sees<EarlyHelpRequestChild>(c => c.ChildId);
            var seenOnEpisode = access.Sees<EpisodeChild>(c => c.ChildId);

            var requests = await db.EarlyHelpRequests.AsNoTracking()
                .Where(r => r.Status == EarlyHelpRequestStatus.Pending && teamIds.Contains(r.TeamId) && r.Children.AsQueryable().All(seenOnRequest))
                .OrderBy(r => r.RequestedOn)
                .Select(r => new { r.Id, r.RequestedOn, r.TeamId, Children = r.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList() })
                .AsSplitQuery().ToListAsync(cancellationToken);
            var episodes = await db.EarlyHelpEpisodes.AsNoTracking()
                .Where(e => e.EndedOn == null && (e.KeyworkerId == me || teamIds.Contains(e.TeamId)) && e.Children.AsQueryable().All(seenOnEpisode))
                .OrderBy(e => e.FamilyName)
                .Select(e => new
                {
                    e.Id, e.FamilyName, e.Kind, e.StartedOn, e.KeyworkerId,
                    Keyworker = db.Staff.Where(s => s.Id == e.KeyworkerId).Select(s => s.DisplayName).FirstOrDefault(),
                    Children = e.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames).ToList(),
                    Complete = db.EarlyHelpAssessments.Any(a => a.EpisodeId == e.Id && a.CompletedOn != null),
                    Goals = db.FamilyPlans.Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Goals).Count(),
                    NextReview = db.FamilyPlans.Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Reviews).OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.NextReviewOn).FirstOrDefault(),
                })
                .AsSplitQuery().ToListAsync(cancellationToken);

            return new Result(
                requests.Select(r => new RequestRow(r.Id, r.RequestedOn, myTeams.Single(t => t.Id == r.TeamId).Name, string.Join(", ", r.Children), myTeams.Single(t => t.Id == r.TeamId).ManagerId == me)).ToList(),
                episodes.Select(e => new EpisodeRow(e.Id, e.FamilyName, e.Kind, e.StartedOn, e.Keyworker ?? "Unknown", string.Join(", ", e.Children), e.Complete, e.Goals, e.NextReview, e.KeyworkerId == me)).ToList());
        }
    }
}
