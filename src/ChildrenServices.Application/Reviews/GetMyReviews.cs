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

            // One statement for whose the children are: those allocated to me (Source 0), and every review or
            // conference held for a child under review now with no reviewing officer allocated, with its chair.
            var withOfficer = db.ReviewingOfficerAllocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
            var unallocated = db.PeriodsOfCare.Where(p => p.EndedOn == null).Select(p => p.ChildId)
                .Concat(db.ChildProtectionPlans.Where(p => p.EndedOn == null).Select(p => p.ChildId))
                .Concat(db.ChildProtectionEnquiries.Where(e => e.ConferenceNeeded == true && e.ConferenceHeldOn == null).Select(e => e.ChildId))
                .Where(id => !withOfficer.Contains(id))
                .Where(access.Sees<Guid>(id => id));
            var mine = access.WhereVisible(db.ReviewingOfficerAllocations, a => a.ChildId).Where(a => a.OfficerId == me && a.EndedOn == null)
                .Select(a => new ReviewingOfficerChairs.HeldRow { Source = 0, ChildId = a.ChildId, HeldOn = null, ChairId = null });
            var whose = await mine.Concat(ReviewingOfficerChairs.Held(db, h => unallocated.Contains(h.ChildId))).ToListAsync(cancellationToken);
            var allocated = whose.Where(h => h.Source == 0).Select(h => h.ChildId).Distinct().ToList();
            var chaired = ReviewingOfficerChairs.LastChairs(whose).Where(c => c.Value == me).Select(c => c.Key).ToList();

            var children = allocated.Concat(chaired).Distinct().ToList();
            if (children.Count == 0)
            {
                return [];
            }

            // One statement for what is due: each child's name, and the dates the review rules need from their open
            // period of care, open child protection plan and enquiries waiting for an initial conference.
            var names = db.People.Where(p => children.Contains(p.Id))
                .Select(p => new Fact { Kind = 0, ChildId = p.Id, Name = p.GivenNames + " " + p.FamilyName, D1 = p.DateOfBirth, D2 = null, D3 = null, Count = 0, Open = 0, LegalStatus = null });
            var periods = db.PeriodsOfCare.Where(p => children.Contains(p.ChildId) && p.EndedOn == null)
                .Select(p => new Fact
                {
                    Kind = 1, ChildId = p.ChildId, Name = null, D1 = p.StartedOn,
                    D2 = p.Reviews.Min(r => (DateOnly?)r.HeldOn),
                    D3 = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                    Count = p.Reviews.Count(),
                    Open = p.Reviews.OrderByDescending(r => r.HeldOn).Take(1)
                        .SelectMany(r => r.Recommendations).Count(r => r.Status == RecommendationStatus.Outstanding),
                    LegalStatus = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id).Select(e => e.LegalStatus).FirstOrDefault(),
                });
            var plans = db.ChildProtectionPlans.Where(p => children.Contains(p.ChildId) && p.EndedOn == null)
                .Select(p => new Fact { Kind = 2, ChildId = p.ChildId, Name = null, D1 = p.StartedOn, D2 = null, D3 = p.Reviews.Max(r => (DateOnly?)r.HeldOn), Count = 0, Open = 0, LegalStatus = null });
            var conferences = db.ChildProtectionEnquiries
                .Where(e => children.Contains(e.ChildId) && e.Section47ConcludedOn != null && e.ConferenceNeeded == true && e.ConferenceHeldOn == null)
                .Select(e => new Fact { Kind = 3, ChildId = e.ChildId, Name = null, D1 = e.StrategyHeldOn, D2 = e.ConferenceTargetOn, D3 = null, Count = 0, Open = 0, LegalStatus = null });
            var facts = await names.Concat(periods).Concat(plans).Concat(conferences).AsNoTracking().ToListAsync(cancellationToken);

            var people = facts.Where(f => f.Kind == 0).ToDictionary(f => f.ChildId, f => new { Name = f.Name ?? string.Empty, DateOfBirth = f.D1 });
            var rules = await timescales.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            var rows = new List<Row>();

            Row RowFor(Guid child, DueKind kind, string what, DateOnly due, DateOnly? last, int open, string link) => new(
                child, people[child].Name, people[child].DateOfBirth, kind, what, due, rules.StatusOf(new DueItem(kind, due), today),
                last, allocated.Contains(child), open, link);

            foreach (var p in facts.Where(f => f.Kind == 1))
            {
                var due = rules.LookedAfterReviewDue(p.D1!.Value, Timescales.StatutoryDueWork.ReviewsHeld(p.Count, p.D2, p.D3), LookedAfterVisitRule.IsShortBreaks(p.LegalStatus));
                rows.Add(RowFor(p.ChildId, DueKind.LookedAfterReview, p.Count == 0 ? "First looked-after review" : "Looked-after review", due,
                    p.D3, p.Open, $"/People/{p.ChildId}/LookedAfter/Review"));
            }

            foreach (var p in facts.Where(f => f.Kind == 2))
            {
                var due = rules.ChildProtectionReviewDue(p.D1!.Value, p.D3);
                rows.Add(RowFor(p.ChildId, DueKind.ChildProtectionReview, "Child protection review conference", due, p.D3 ?? p.D1, 0,
                    $"/People/{p.ChildId}/ChildProtection"));
            }

            foreach (var e in facts.Where(f => f.Kind == 3))
            {
                var due = e.D2 ?? rules.InitialConferenceDue(e.D1!.Value);
                rows.Add(RowFor(e.ChildId, DueKind.InitialConference, "Initial child protection conference", due, null, 0, $"/People/{e.ChildId}/ChildProtection"));
            }

            return [.. rows.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName)];
        }
    }

    /// <summary>One row of the due statement (a UNION ALL needs one shape): a child's name (Kind 0), period of care (1), plan (2) or conference (3).</summary>
    private sealed class Fact
    {
        public int Kind { get; init; }

        public Guid ChildId { get; init; }

        public string? Name { get; init; }

        public DateOnly? D1 { get; init; }

        public DateOnly? D2 { get; init; }

        public DateOnly? D3 { get; init; }

        public int Count { get; init; }

        public int Open { get; init; }

        /// <summary>A period of care's current legal status: short breaks (V3, V4) are reviewed under regulation 48.</summary>
        public string? LegalStatus { get; init; }
    }
}
