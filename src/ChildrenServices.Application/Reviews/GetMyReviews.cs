using ChildrenServices.Application.Security;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Reviews;

/// <summary>
/// A reviewing officer's worklist: the children whose reviews and conferences they chair, what is due for each
/// and by when, overdue first. "Theirs" is the children they are allocated to as reviewing officer
/// (regulation 45); a child with no reviewing officer allocated is theirs if they chaired the child's last
/// review or conference. Due dates come from the same rules as the worktray (ADR 0013), worked out from
/// the dates alone: nothing here loads a whole plan or period of care.
/// </summary>
public static class GetMyReviews
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    /// <param name="Allocated">True when the officer is allocated to the child; false when they chaired the last review and no one is allocated.</param>
    /// <param name="OpenRecommendations">Recommendations of the last looked-after review still to be followed up.</param>
    public sealed record Row(
        Guid ChildId, string ChildName, DateOnly? DateOfBirth, DueKind Kind, string What, DateOnly DueOn, RagStatus Status,
        DateOnly? LastHeldOn, bool Allocated, int OpenRecommendations, string Link);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, Timescales.TimescaleProvider timescales, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var allocated = await access.WhereVisible(db.ReviewingOfficerAllocations, a => a.ChildId).Where(a => a.OfficerId == me && a.EndedOn == null)
                .Select(a => a.ChildId).ToListAsync(cancellationToken);

            // Children under review now with no reviewing officer allocated: theirs if they chaired the last one.
            var withOfficer = db.ReviewingOfficerAllocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
            var unallocated = await db.PeriodsOfCare.Where(p => p.EndedOn == null).Select(p => p.ChildId)
                .Concat(db.ChildProtectionPlans.Where(p => p.EndedOn == null).Select(p => p.ChildId))
                .Concat(db.ChildProtectionEnquiries.Where(e => e.ConferenceNeeded == true && e.ConferenceHeldOn == null).Select(e => e.ChildId))
                .Where(id => !withOfficer.Contains(id))
                .Where(access.Sees<Guid>(id => id))
                .Distinct().ToListAsync(cancellationToken);
            var lastChairs = await ReviewingOfficerChairs.LastChairsAsync(db, unallocated, cancellationToken);
            var chaired = lastChairs.Where(c => c.Value == me).Select(c => c.Key).ToList();

            var children = allocated.Concat(chaired).Distinct().ToList();
            if (children.Count == 0)
            {
                return [];
            }

            var people = await db.People.Where(p => children.Contains(p.Id))
                .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName, p.DateOfBirth })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            var rows = new List<Row>();

            Row RowFor(Guid child, DueKind kind, string what, DateOnly due, DateOnly? last, int open, string link) => new(
                child, people[child].Name, people[child].DateOfBirth, kind, what, due, rules.StatusOf(new DueItem(kind, due), today),
                last, allocated.Contains(child), open, link);

            var periods = await db.PeriodsOfCare.AsNoTracking().Where(p => children.Contains(p.ChildId) && p.EndedOn == null)
                .Select(p => new
                {
                    p.ChildId, p.StartedOn,
                    Held = p.Reviews.Select(r => r.HeldOn).ToList(),
                    Open = p.Reviews.OrderByDescending(r => r.HeldOn).Take(1)
                        .SelectMany(r => r.Recommendations).Count(r => r.Status == RecommendationStatus.Outstanding),
                })
                .ToListAsync(cancellationToken);
            foreach (var p in periods)
            {
                var due = rules.LookedAfterReviewDue(p.StartedOn, p.Held);
                rows.Add(RowFor(p.ChildId, DueKind.LookedAfterReview, p.Held.Count == 0 ? "First looked-after review" : "Looked-after review", due,
                    p.Held.Count == 0 ? null : p.Held.Max(), p.Open, $"/People/{p.ChildId}/LookedAfter/Review"));
            }

            var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => children.Contains(p.ChildId) && p.EndedOn == null)
                .Select(p => new { p.ChildId, p.StartedOn, Latest = p.Reviews.Max(r => (DateOnly?)r.HeldOn) })
                .ToListAsync(cancellationToken);
            foreach (var p in plans)
            {
                var due = rules.ChildProtectionReviewDue(p.StartedOn, p.Latest);
                rows.Add(RowFor(p.ChildId, DueKind.ChildProtectionReview, "Child protection review conference", due, p.Latest ?? p.StartedOn, 0,
                    $"/People/{p.ChildId}/ChildProtection"));
            }

            var conferences = await db.ChildProtectionEnquiries.AsNoTracking()
                .Where(e => children.Contains(e.ChildId) && e.Section47ConcludedOn != null && e.ConferenceNeeded == true && e.ConferenceHeldOn == null)
                .Select(e => new { e.ChildId, e.StrategyHeldOn, e.ConferenceTargetOn })
                .ToListAsync(cancellationToken);
            foreach (var e in conferences)
            {
                var due = e.ConferenceTargetOn ?? rules.InitialConferenceDue(e.StrategyHeldOn);
                rows.Add(RowFor(e.ChildId, DueKind.InitialConference, "Initial child protection conference", due, null, 0, $"/People/{e.ChildId}/ChildProtection"));
            }

            return [.. rows.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName)];
        }
    }
}
