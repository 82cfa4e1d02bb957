using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// The worktray's "what is due": statutory deadlines with RAG (assessments so far), reviews of the families I keywork (overdue first), and the approvals
/// I asked for — waiting, or decided in the last fortnight so I see a rejection and why.
/// </summary>
public static class GetMyDueWork
{
    public const int DueSoonDays = 7;

    [AllowAnySignedInUser]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<ReviewRow> Reviews, IReadOnlyList<ApprovalRow> Approvals, IReadOnlyList<Timescales.DueRow>? Statutory = null);

    public sealed record ReviewRow(Guid EpisodeId, string FamilyName, DateOnly? DueOn, bool HasPlan);

    public sealed record ApprovalRow(ApprovalKind Kind, string Children, ApprovalStatus Status, DateTime RequestedAtUtc, string? DecidedBy, string? Rationale);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock, Timescales.StatutoryDueWork due) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            if (!user.HasPermission(Permission.ViewChildRecord))
            {
                return new Result([], []);
            }

            var seenOnEpisode = access.Sees<Domain.EarlyHelp.EpisodeChild>(c => c.ChildId);
            var seenOnApproval = access.Sees<Domain.Approvals.ApprovalChild>(c => c.ChildId);
            var episodes = await db.EarlyHelpEpisodes.AsNoTracking()
                .Where(e => e.KeyworkerId == me && e.EndedOn == null && e.Children.AsQueryable().All(seenOnEpisode))
                .Select(e => new
                {
                    e.Id, e.FamilyName, e.StartedOn,
                    Next = db.FamilyPlans.Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Reviews).OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.NextReviewOn).FirstOrDefault(),
                    Goals = db.FamilyPlans.Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Goals).Count(),
                })
                .ToListAsync(cancellationToken);

            // With no review yet, the first Team Around the Family meeting is due six weeks after the start.
            var reviews = episodes
                .Select(e => new ReviewRow(e.Id, e.FamilyName, e.Next ?? e.StartedOn.AddDays(42), e.Goals > 0))
                .OrderBy(r => r.DueOn).ToList();

            var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
            var approvals = await db.ApprovalRequests.AsNoTracking()
                .Where(a => a.RequestedById == me && (a.Status == ApprovalStatus.Pending || a.DecidedAtUtc >= since) && a.Children.AsQueryable().All(seenOnApproval))
                .OrderByDescending(a => a.RequestedAtUtc)
                .Select(a => new
                {
                    a.Kind, a.Status, a.RequestedAtUtc, a.Rationale,
                    By = db.Staff.Where(s => s.Id == a.DecidedById).Select(s => s.DisplayName).FirstOrDefault(),
                    Children = a.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList(),
                })
                .AsSplitQuery().ToListAsync(cancellationToken);

            var statutory = await due.ForWorkerAsync(me, cancellationToken);
            return new Result(reviews, approvals.Select(a => new ApprovalRow(a.Kind, string.Join(", ", a.Children), a.Status, a.RequestedAtUtc, a.By, a.Rationale)).ToList(), statutory);
        }
    }
}
