using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The child's child in need plans, newest first, with the next review and visit due and their RAG.</summary>
public static class GetChildInNeedPlans
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Review(DateOnly HeldOn, string Summary);

    public sealed record Visit(DateOnly VisitedOn, bool ChildSeen, bool SeenAlone);

    public sealed record Plan(Guid Id, Guid Version, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, IReadOnlyList<Review> Reviews, IReadOnlyList<Visit> Visits,
        DueItem? NextReview, RagStatus? ReviewStatus, DueItem? NextVisit, RagStatus? VisitStatus);

    /// <summary>Whether the child has an open referral a plan could start on, and the plans.</summary>
    public sealed record Result(bool HasOpenReferral, IReadOnlyList<Plan> Plans)
    {
        public Plan? Open => Plans.FirstOrDefault(p => p.EndedOn is null);
    }

    public sealed class Handler(IAppDbContext db, TimescaleProvider timescales, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var open = await db.Referrals.AnyAsync(r => r.ChildId == query.PersonId && r.Status == ReferralStatus.Open, cancellationToken);
            var plans = await db.ChildInNeedPlans.AsNoTracking().Include(p => p.Reviews).Include(p => p.Visits)
                .Where(p => p.ChildId == query.PersonId).OrderByDescending(p => p.StartedOn).AsSplitQuery().ToListAsync(cancellationToken);
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            return new Result(open, [.. plans.Select(p =>
            {
                var review = p.IsOpen ? new DueItem(DueKind.ChildInNeedReview, rules.ChildInNeedReviewDue(p.StartedOn, p.LatestReview)) : null;
                var visit = p.IsOpen ? new DueItem(DueKind.ChildInNeedVisit, rules.ChildInNeedVisitDue(p.StartedOn, p.LatestVisit)) : null;
                return new Plan(p.Id, p.Version, p.StartedOn, p.EndedOn, p.EndReason,
                    [.. p.Reviews.OrderBy(r => r.HeldOn).Select(r => new Review(r.HeldOn, r.Summary))],
                    [.. p.Visits.OrderBy(v => v.VisitedOn).Select(v => new Visit(v.VisitedOn, v.ChildSeen, v.SeenAlone))],
                    review, review is null ? null : rules.StatusOf(review, today), visit, visit is null ? null : rules.StatusOf(visit, today));
            })]);
        }
    }
}
