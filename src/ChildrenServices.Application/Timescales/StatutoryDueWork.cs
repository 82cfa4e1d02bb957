using System.Linq.Expressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>One statutory thing due for a child, with its RAG status today.</summary>
public sealed record DueRow(Guid ChildId, string ChildName, string Worker, DueKind Kind, string What, DateOnly DueOn, RagStatus Status, string Link);

/// <summary>
/// The statutory due items for the children some lead workers hold, worked out on read from the
/// records and the council's timescales (so a changed setting or date moves them at once).
/// </summary>
public sealed class StatutoryDueWork(IAppDbContext db, RecordAccess access, TimescaleProvider timescales, TimeProvider clock)
{
    public async Task<IReadOnlyList<DueRow>> ForLeadsAsync(Expression<Func<Allocation, bool>> whichLeads, CancellationToken ct)
    {
        var leads = await access.WhereVisible(db.Allocations.AsNoTracking(), a => a.ChildId)
            .Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Where(whichLeads)
            .Select(a => new
            {
                a.ChildId, a.WorkerId, a.TeamId,
                ChildName = db.People.Where(p => p.Id == a.ChildId).Select(p => p.GivenNames + " " + p.FamilyName).FirstOrDefault(),
                WorkerName = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (leads.Count == 0)
        {
            return [];
        }

        // Names come with the leads, projected in the one statement; each child's lead worker's name once.
        var childIds = leads.Select(l => l.ChildId).Distinct().ToList();
        var names = leads.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.First().ChildName ?? string.Empty);
        var workerOf = leads.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.First().WorkerName ?? "Unknown");

        // Each open referral once, with the dates both the assessment and the strategy discussion rules need.
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => childIds.Contains(r.ChildId) && r.Status == ReferralStatus.Open)
            .Select(r => new
            {
                r.Id, r.ChildId, r.TeamId, r.AssessmentDueOn, r.ReferralDate, r.ImmediateStrategyDiscussion,
                Assessment = db.ChildAndFamilyAssessments.Where(a => a.ReferralId == r.Id).OrderByDescending(a => a.StartedOn)
                    .Select(a => new { a.Status, a.AuthorisedOn }).FirstOrDefault(),
                AssessedOn = db.ChildAndFamilyAssessments.Where(a => a.ReferralId == r.Id && a.Status == AssessmentStatus.Authorised && a.Outcome == AssessmentOutcome.StrategyDiscussion)
                    .Max(a => a.AuthorisedOn),
                LastStrategy = db.ChildProtectionEnquiries.Where(e => e.ReferralId == r.Id).Max(e => (DateOnly?)e.StrategyHeldOn),
            })
            .ToListAsync(ct);
        var rules = await timescales.CurrentAsync(ct);
        var today = UkTime.Today(clock);

        var rows = new List<DueRow>();
        foreach (var referral in referrals)
        {
            // The assessment is the referral team's work: it falls to a lead in that team, never to a lead
            // elsewhere (an early help keyworker still leading when a step-up refers the family to an
            // assessment team). Until the team allocates, the referral waits on its manager's list.
            if (referral.Assessment?.Status == AssessmentStatus.Authorised
                || !leads.Any(l => l.ChildId == referral.ChildId && l.TeamId == referral.TeamId))
            {
                continue;
            }

            var what = referral.Assessment?.Status switch
            {
                AssessmentStatus.InProgress => "Child and family assessment (in progress)",
                AssessmentStatus.AwaitingAuthorisation => "Child and family assessment (waiting for authorisation)",
                _ => "Child and family assessment (not started)",
            };
            rows.Add(new DueRow(referral.ChildId, names[referral.ChildId], workerOf[referral.ChildId], DueKind.Assessment, what, referral.AssessmentDueOn,
                rules.StatusOf(new DueItem(DueKind.Assessment, referral.AssessmentDueOn), today), $"/People/{referral.ChildId}/Assessment"));
        }

        var enquiries = await db.ChildProtectionEnquiries.AsNoTracking().Where(e => childIds.Contains(e.ChildId)).ToListAsync(ct);
        foreach (var enquiry in enquiries)
        {
            if (SocialCare.ChildProtectionDue.Next(enquiry, rules) is { } next)
            {
                rows.Add(new DueRow(enquiry.ChildId, names[enquiry.ChildId], workerOf[enquiry.ChildId], next.Kind,
                    SocialCare.ChildProtectionDue.Describe(next.Kind), next.DueOn, rules.StatusOf(next, today), $"/People/{enquiry.ChildId}/ChildProtection"));
            }
        }

        // The dates the plan's rules need, not the plan with its core groups, reviews and visits.
        var cpPlans = await db.ChildProtectionPlans.AsNoTracking()
            .Where(p => childIds.Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new
            {
                p.ChildId, p.StartedOn,
                CoreGroupHeld = p.CoreGroups.Any(),
                LatestReview = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                LatestVisitSeen = p.Visits.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
            })
            .ToListAsync(ct);
        foreach (var plan in cpPlans)
        {
            var worker = workerOf[plan.ChildId];
            foreach (var item in SocialCare.ChildProtectionDue.ForOpenPlan(plan.StartedOn, plan.CoreGroupHeld, plan.LatestReview, plan.LatestVisitSeen, rules))
            {
                rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, item.Kind, SocialCare.ChildProtectionDue.Describe(item.Kind), item.DueOn, rules.StatusOf(item, today),
                    $"/People/{plan.ChildId}/ChildProtection"));
            }
        }

        // Significant harm suspected — at the front door, or by an authorised assessment — and no strategy
        // discussion since: it is due before anything else.
        foreach (var referral in referrals)
        {
            var from = referral.AssessedOn is { } assessed && (referral.LastStrategy is null || referral.LastStrategy < assessed) ? assessed
                : referral.ImmediateStrategyDiscussion && referral.LastStrategy is null ? referral.ReferralDate
                : (DateOnly?)null;
            if (from is null)
            {
                continue;
            }

            var due = rules.StrategyDiscussionDue(from.Value);
            rows.Add(new DueRow(referral.ChildId, names[referral.ChildId], workerOf[referral.ChildId], DueKind.StrategyDiscussion,
                "Strategy discussion", due, rules.StatusOf(new DueItem(DueKind.StrategyDiscussion, due), today), $"/People/{referral.ChildId}/ChildProtection"));
        }

        var plans = await db.ChildInNeedPlans.AsNoTracking()
            .Where(p => childIds.Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new
            {
                p.ChildId, p.StartedOn,
                LatestReview = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                LatestVisit = p.Visits.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
            })
            .ToListAsync(ct);
        foreach (var plan in plans)
        {
            var worker = workerOf[plan.ChildId];
            var link = $"/People/{plan.ChildId}/ChildInNeed";
            var review = rules.ChildInNeedReviewDue(plan.StartedOn, plan.LatestReview);
            var visit = rules.ChildInNeedVisitDue(plan.StartedOn, plan.LatestVisit);
            rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, DueKind.ChildInNeedReview, plan.LatestReview is null ? "First child in need review" : "Child in need review", review,
                rules.StatusOf(new DueItem(DueKind.ChildInNeedReview, review), today), link));
            rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, DueKind.ChildInNeedVisit, "Child in need visit (child seen)", visit,
                rules.StatusOf(new DueItem(DueKind.ChildInNeedVisit, visit), today), link));
        }

        // The dates the care rules need (LookedAfter.CareDue: the reviews held; the current placement's start — the
        // latest episode not a change of legal status only, "L" — the last visit seeing the child since then, and
        // whether the current placement is long-term), not the period with its episodes, reviews and visits.
        var periods = await db.PeriodsOfCare.AsNoTracking()
            .Where(p => childIds.Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new
            {
                p.ChildId, p.StartedOn,
                Reviews = p.Reviews.Select(r => r.HeldOn).ToList(),
                PlacementStart = p.Episodes.Where(e => e.ReasonForNewEpisode != "L").OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
                    .Select(e => e.StartedOn).FirstOrDefault(),
                LastVisit = p.Visits.Where(v => v.ChildSeen
                        && v.VisitedOn >= p.Episodes.Where(e => e.ReasonForNewEpisode != "L").OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
                            .Select(e => e.StartedOn).FirstOrDefault())
                    .Max(v => (DateOnly?)v.VisitedOn),
                LongTerm = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id).Select(e => e.Placement.IntendedLongTerm).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var period in periods)
        {
            var worker = workerOf[period.ChildId];
            var link = $"/People/{period.ChildId}/LookedAfter";
            var review = rules.LookedAfterReviewDue(period.StartedOn, period.Reviews);
            var visit = rules.LookedAfterVisitDue(period.PlacementStart, period.LastVisit, period.LongTerm);
            rows.Add(new DueRow(period.ChildId, names[period.ChildId], worker, DueKind.LookedAfterReview, "Looked-after review", review,
                rules.StatusOf(new DueItem(DueKind.LookedAfterReview, review), today), link));
            rows.Add(new DueRow(period.ChildId, names[period.ChildId], worker, DueKind.LookedAfterVisit, "Looked-after visit (regulation 28)", visit,
                rules.StatusOf(new DueItem(DueKind.LookedAfterVisit, visit), today), link));
        }

        return [.. rows.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName)];
    }
}
