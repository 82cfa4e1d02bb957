using System.Linq.Expressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>One statutory thing due for a child, with its RAG status today.</summary>
public sealed record DueRow(Guid ChildId, string ChildName, string Worker, DueKind Kind, string What, DateOnly DueOn, RagStatus Status, string Link)
{
    /// <summary>The lead worker whose work it is.</summary>
    public Guid WorkerId { get; init; }
}

/// <summary>
/// The statutory due items for the children some lead workers hold, worked out on read from the
/// records and the council's timescales (so a changed setting or date moves them at once).
/// </summary>
public sealed class StatutoryDueWork(IAppDbContext db, RecordAccess access, TimescaleProvider timescales, TimeProvider clock)
{
    private enum FactKind
    {
        Lead = 1,
        Referral = 2,
        Enquiry = 3,
        ProtectionPlan = 4,
        ChildInNeedPlan = 5,
        PeriodOfCare = 6,
    }

    /// <summary>
    /// The due items of the children the chosen leads hold, in one SQL statement whatever the number of children: the
    /// leads (with the child's and worker's names) and the dates each rule needs from open referrals, section 47
    /// enquiries, plans and periods of care, as rows of one shape joined by UNION ALL (<see cref="FactsOf"/>). Nothing
    /// here loads a whole aggregate; the settings come from <see cref="TimescaleProvider"/>'s cache.
    /// </summary>
    /// <param name="everyChild">
    /// Every child's work, restricted records included, for counts that name no child (the workload's overdue work);
    /// otherwise only the children the user may see, as on every list that names them.
    /// </param>
    public async Task<IReadOnlyList<DueRow>> ForLeadsAsync(Expression<Func<Allocation, bool>> whichLeads, CancellationToken ct, bool everyChild = false)
    {
        var leads = (everyChild ? db.Allocations.AsNoTracking() : access.WhereVisible(db.Allocations.AsNoTracking(), a => a.ChildId))
            .Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead)
            .Where(whichLeads);
        var body = new Substitution(FactsOf.Parameters[0], Expression.Constant(db, typeof(DbContext)))
            .And(FactsOf.Parameters[1], leads.Expression)
            .Visit(FactsOf.Body);
        var facts = await leads.Provider.CreateQuery<Fact>(body).ToListAsync(ct);
        return await RowsAsync(facts, ct);
    }

    /// <summary>
    /// The due items of the children one worker leads and the user may see (My work). The same statement as
    /// <see cref="ForLeadsAsync"/>, compiled once: the worktray is the page every practitioner opens first and most
    /// often, and EF Core otherwise walks the union's whole expression on every request to find it in its cache.
    /// </summary>
    public async Task<IReadOnlyList<DueRow>> ForWorkerAsync(Guid workerId, CancellationToken ct)
    {
        var context = (DbContext)db;
        var facts = await WorkersFacts.For(context)(context, workerId, access.UserId).ToListAsync(ct);
        return await RowsAsync(facts, ct);
    }

    /// <summary>
    /// The statement's rows for the leads given: open referrals first (a union takes a column's type from its first part,
    /// and the assessment status is stored as its name, so the part that reads it must lead or the value would be read as
    /// a number), then the leads with the child's and worker's names, then the open enquiries, plans and periods of care of
    /// the children they lead. One definition, run as it stands (<see cref="ForLeadsAsync"/>) or compiled
    /// (<see cref="WorkersFacts"/>).
    /// </summary>
    private static readonly Expression<Func<DbContext, IQueryable<Allocation>, IQueryable<Fact>>> FactsOf = (db, leads) =>

        // Each open referral once, with the dates both the assessment and the strategy discussion rules need.
        db.Set<Referral>().AsNoTracking()
            .Where(r => leads.Select(a => a.ChildId).Contains(r.ChildId) && r.Status == ReferralStatus.Open)
            .Select(r => new Fact
            {
                Kind = (int)FactKind.Referral, ChildId = r.ChildId, TeamId = r.TeamId, ChildName = null, WorkerName = null,
                D1 = r.AssessmentDueOn,
                D2 = r.ReferralDate,
                D3 = db.Set<ChildAndFamilyAssessment>().Where(a => a.ReferralId == r.Id && a.Status == AssessmentStatus.Authorised && a.Outcome == AssessmentOutcome.StrategyDiscussion)
                    .Max(a => a.AuthorisedOn),
                D4 = db.Set<ChildProtectionEnquiry>().Where(e => e.ReferralId == r.Id).Max(e => (DateOnly?)e.StrategyHeldOn),
                D5 = null, Count = 0,
                Flag = r.ImmediateStrategyDiscussion,
                Status = db.Set<ChildAndFamilyAssessment>().Where(a => a.ReferralId == r.Id).OrderByDescending(a => a.StartedOn).Select(a => (AssessmentStatus?)a.Status).FirstOrDefault(),
                LegalStatus = null, PlacementType = null, D6 = null, D7 = null, Approval = 0, WorkerId = null,
            })
        .Concat(leads.Select(a => new Fact
        {
            Kind = (int)FactKind.Lead, ChildId = a.ChildId, TeamId = a.TeamId,
            ChildName = db.Set<Person>().Where(p => p.Id == a.ChildId).Select(p => p.GivenNames + " " + p.FamilyName).FirstOrDefault(),
            WorkerName = db.Set<StaffMember>().Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).FirstOrDefault(),
            D1 = null, D2 = null, D3 = null, D4 = null, D5 = null, Count = 0, Flag = false, Status = null, LegalStatus = null, PlacementType = null, D6 = null, D7 = null, Approval = 0, WorkerId = a.WorkerId,
        }))

        // Open section 47 enquiries (ChildProtectionEnquiry.IsOpen), with the dates of what each waits for.
        .Concat(db.Set<ChildProtectionEnquiry>()
            .Where(e => leads.Select(a => a.ChildId).Contains(e.ChildId) && e.Section47 && (e.Section47ConcludedOn == null || (e.ConferenceNeeded == true && e.ConferenceHeldOn == null)))
            .Select(e => new Fact
            {
                Kind = (int)FactKind.Enquiry, ChildId = e.ChildId, TeamId = null, ChildName = null, WorkerName = null,
                D1 = e.StrategyHeldOn, D2 = e.Section47ConcludedOn, D3 = e.ConferenceTargetOn, D4 = null, D5 = null, Count = 0, Flag = false, Status = null, LegalStatus = null, PlacementType = null, D6 = null, D7 = null, Approval = 0, WorkerId = null,
            }))

        // The dates the plan's rules need, not the plan with its core groups, reviews and visits.
        .Concat(db.Set<ChildProtectionPlan>()
            .Where(p => leads.Select(a => a.ChildId).Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new Fact
            {
                Kind = (int)FactKind.ProtectionPlan, ChildId = p.ChildId, TeamId = null, ChildName = null, WorkerName = null,
                D1 = p.StartedOn,
                D2 = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                D3 = p.Visits.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                D4 = null, D5 = null, Count = 0,
                Flag = p.CoreGroups.Any(),
                Status = null, LegalStatus = null, PlacementType = null, D6 = null, D7 = null, Approval = 0, WorkerId = null,
            }))
        .Concat(db.Set<ChildInNeedPlan>()
            .Where(p => leads.Select(a => a.ChildId).Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new Fact
            {
                Kind = (int)FactKind.ChildInNeedPlan, ChildId = p.ChildId, TeamId = null, ChildName = null, WorkerName = null,
                D1 = p.StartedOn,
                D2 = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                D3 = p.Visits.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                D4 = null, D5 = null, Count = 0, Flag = false, Status = null, LegalStatus = null, PlacementType = null, D6 = null, D7 = null, Approval = 0, WorkerId = null,
            }))

        // The dates the care rules need (LookedAfter.CareDue: the reviews held — how many, the first and the latest; the
        // current placement's start — the latest episode not a change of legal status only, "L" — the last visit seeing
        // the child since then, and whether the current placement is long-term), not the period with its episodes,
        // reviews and visits.
        .Concat(db.Set<PeriodOfCare>()
            .Where(p => leads.Select(a => a.ChildId).Contains(p.ChildId) && p.EndedOn == null)
            .Select(p => new Fact
            {
                Kind = (int)FactKind.PeriodOfCare, ChildId = p.ChildId, TeamId = null, ChildName = null, WorkerName = null,
                D1 = p.StartedOn,
                D2 = p.Episodes.Where(e => e.ReasonForNewEpisode != "L").OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
                    .Select(e => (DateOnly?)e.StartedOn).FirstOrDefault(),
                D3 = p.Visits.Where(v => v.ChildSeen
                        && v.VisitedOn >= p.Episodes.Where(e => e.ReasonForNewEpisode != "L").OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
                            .Select(e => e.StartedOn).FirstOrDefault())
                    .Max(v => (DateOnly?)v.VisitedOn),
                D4 = p.Reviews.Min(r => (DateOnly?)r.HeldOn),
                D5 = p.Reviews.Max(r => (DateOnly?)r.HeldOn),
                Count = p.Reviews.Count(),
                Flag = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id).Select(e => e.Placement.IntendedLongTerm).FirstOrDefault(),
                Status = null,
                LegalStatus = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id).Select(e => e.LegalStatus).FirstOrDefault(),
                PlacementType = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id).Select(e => e.Placement.Type).FirstOrDefault(),
                D6 = p.Episodes.Where(e => e.LegalStatus == "C2").Min(e => (DateOnly?)e.StartedOn),
                D7 = p.Visits.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                Approval = p.Episodes.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
                    .Select(e => e.Placement.Approval == PlacementApproval.ParentBeforeAssessment ? (int)PlacementApproval.ParentBeforeAssessment
                        : e.Placement.Approval == PlacementApproval.ConnectedPersonTemporary ? (int)PlacementApproval.ConnectedPersonTemporary : 0)
                    .FirstOrDefault(),
                WorkerId = null,
            }));

    /// <summary>
    /// My work's due work: <see cref="FactsOf"/> for one worker's open leads of the children the viewer may see, compiled once
    /// for each model, with the visibility rule put in by <see cref="RecordAccess.Expand{T1, T2, TResult}"/> as in the rest of
    /// My work's reads. After <see cref="FactsOf"/>, as static fields are set in the order written.
    /// </summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, Guid, IAsyncEnumerable<Fact>>> WorkersFacts = new(() =>
    {
        Expression<Func<DbContext, Guid, Guid, IQueryable<Allocation>>> leads = (db, worker, viewer) => db.Set<Allocation>()
            .Where(a => a.WorkerId == worker && a.EndedOn == null && a.Role == AllocationRole.Lead
                && db.Set<Person>().Any(p => p.Id == a.ChildId && RecordAccess.IsVisibleTo(p, viewer)));
        var facts = new Substitution(FactsOf.Parameters[0], leads.Parameters[0]).And(FactsOf.Parameters[1], leads.Body).Visit(FactsOf.Body);
        return EF.CompileAsyncQuery(RecordAccess.Expand(Expression.Lambda<Func<DbContext, Guid, Guid, IQueryable<Fact>>>(facts, leads.Parameters)));
    });

    private async Task<IReadOnlyList<DueRow>> RowsAsync(List<Fact> facts, CancellationToken ct)
    {
        var leadFacts = facts.Where(f => f.Kind == (int)FactKind.Lead).ToList();
        if (leadFacts.Count == 0)
        {
            return [];
        }

        // Names come with the leads, projected in the one statement; each child's lead worker's name once.
        var names = leadFacts.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.First().ChildName ?? string.Empty);
        var leadOf = leadFacts.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.First());
        var workerOf = leadOf.ToDictionary(l => l.Key, l => l.Value.WorkerName ?? "Unknown");
        var referrals = facts.Where(f => f.Kind == (int)FactKind.Referral).ToList();
        var rules = await timescales.CurrentAsync(ct);
        var today = UkTime.Today(clock);

        var rows = new List<DueRow>();
        foreach (var referral in referrals)
        {
            // The assessment is the referral team's work: it falls to a lead in that team, never to a lead
            // elsewhere (an early help keyworker still leading when a step-up refers the family to an
            // assessment team). Until the team allocates, the referral waits on its manager's list.
            var assessment = referral.Status;
            if (assessment == AssessmentStatus.Authorised
                || !leadFacts.Any(l => l.ChildId == referral.ChildId && l.TeamId == referral.TeamId))
            {
                continue;
            }

            var what = assessment switch
            {
                AssessmentStatus.InProgress => "Child and family assessment (in progress)",
                AssessmentStatus.AwaitingAuthorisation => "Child and family assessment (waiting for authorisation)",
                _ => "Child and family assessment (not started)",
            };
            var dueOn = referral.D1!.Value;
            rows.Add(new DueRow(referral.ChildId, names[referral.ChildId], workerOf[referral.ChildId], DueKind.Assessment, what, dueOn,
                rules.StatusOf(new DueItem(DueKind.Assessment, dueOn), today), $"/People/{referral.ChildId}/Assessment"));
        }

        foreach (var enquiry in facts.Where(f => f.Kind == (int)FactKind.Enquiry))
        {
            var next = SocialCare.ChildProtectionDue.NextForOpen(enquiry.D1!.Value, enquiry.D2, enquiry.D3, rules);
            rows.Add(new DueRow(enquiry.ChildId, names[enquiry.ChildId], workerOf[enquiry.ChildId], next.Kind,
                SocialCare.ChildProtectionDue.Describe(next.Kind), next.DueOn, rules.StatusOf(next, today), $"/People/{enquiry.ChildId}/ChildProtection"));
        }

        foreach (var plan in facts.Where(f => f.Kind == (int)FactKind.ProtectionPlan))
        {
            var worker = workerOf[plan.ChildId];
            foreach (var item in SocialCare.ChildProtectionDue.ForOpenPlan(plan.D1!.Value, plan.Flag, plan.D2, plan.D3, rules))
            {
                rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, item.Kind, SocialCare.ChildProtectionDue.Describe(item.Kind), item.DueOn, rules.StatusOf(item, today),
                    $"/People/{plan.ChildId}/ChildProtection"));
            }
        }

        // Significant harm suspected — at the front door, or by an authorised assessment — and no strategy
        // discussion since: it is due before anything else.
        foreach (var referral in referrals)
        {
            var (assessedOn, lastStrategy) = (referral.D3, referral.D4);
            var from = assessedOn is { } assessed && (lastStrategy is null || lastStrategy < assessed) ? assessed
                : referral.Flag && lastStrategy is null ? referral.D2
                : (DateOnly?)null;
            if (from is null)
            {
                continue;
            }

            var due = rules.StrategyDiscussionDue(from.Value);
            rows.Add(new DueRow(referral.ChildId, names[referral.ChildId], workerOf[referral.ChildId], DueKind.StrategyDiscussion,
                "Strategy discussion", due, rules.StatusOf(new DueItem(DueKind.StrategyDiscussion, due), today), $"/People/{referral.ChildId}/ChildProtection"));
        }

        foreach (var plan in facts.Where(f => f.Kind == (int)FactKind.ChildInNeedPlan))
        {
            var worker = workerOf[plan.ChildId];
            var link = $"/People/{plan.ChildId}/ChildInNeed";
            var (startedOn, latestReview, latestVisit) = (plan.D1!.Value, plan.D2, plan.D3);
            var review = rules.ChildInNeedReviewDue(startedOn, latestReview);
            var visit = rules.ChildInNeedVisitDue(startedOn, latestVisit);
            rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, DueKind.ChildInNeedReview, latestReview is null ? "First child in need review" : "Child in need review", review,
                rules.StatusOf(new DueItem(DueKind.ChildInNeedReview, review), today), link));
            rows.Add(new DueRow(plan.ChildId, names[plan.ChildId], worker, DueKind.ChildInNeedVisit, "Child in need visit (child seen)", visit,
                rules.StatusOf(new DueItem(DueKind.ChildInNeedVisit, visit), today), link));
        }

        foreach (var period in facts.Where(f => f.Kind == (int)FactKind.PeriodOfCare))
        {
            var worker = workerOf[period.ChildId];
            var link = $"/People/{period.ChildId}/LookedAfter";
            var shortBreaks = LookedAfterVisitRule.IsShortBreaks(period.LegalStatus);
            var review = rules.LookedAfterReviewDue(period.D1!.Value, ReviewsHeld(period.Count, period.D4, period.D5), shortBreaks);
            // Short breaks count from the first placement (the period's start) and any visit in the period; others from the current placement.
            var visit = rules.LookedAfterVisitDue(shortBreaks ? period.D1!.Value : period.D2 ?? default, shortBreaks ? period.D7 : period.D3, period.Flag,
                new LookedAfterVisitRule(LookedAfterVisitRule.RegimeFor(period.LegalStatus, period.PlacementType, (PlacementApproval)period.Approval), period.D4, period.D6));
            rows.Add(new DueRow(period.ChildId, names[period.ChildId], worker, DueKind.LookedAfterReview, "Looked-after review", review,
                rules.StatusOf(new DueItem(DueKind.LookedAfterReview, review), today), link));
            rows.Add(new DueRow(period.ChildId, names[period.ChildId], worker, DueKind.LookedAfterVisit, "Looked-after visit (regulation 28)", visit,
                rules.StatusOf(new DueItem(DueKind.LookedAfterVisit, visit), today), link));
        }

        return [.. rows.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName).Select(r => r with { WorkerId = leadOf[r.ChildId].WorkerId ?? Guid.Empty })];
    }

    /// <summary>
    /// The reviews a looked-after rule needs from a count and the first and latest dates: the rule reads only how many
    /// there were (none, one, more), the earliest and the latest, so two dates stand for any number above one.
    /// </summary>
    internal static IReadOnlyCollection<DateOnly> ReviewsHeld(int count, DateOnly? first, DateOnly? latest) => count switch
    {
        0 => [],
        1 => [latest!.Value],
        _ => [first!.Value, latest!.Value],
    };

    /// <summary>One row of the due work's single statement; which fields mean what depends on <see cref="Kind"/>.</summary>
    private sealed class Fact
    {
        public int Kind { get; init; }

        public Guid ChildId { get; init; }

        public Guid? TeamId { get; init; }

        public string? ChildName { get; init; }

        public string? WorkerName { get; init; }

        public DateOnly? D1 { get; init; }

        public DateOnly? D2 { get; init; }

        public DateOnly? D3 { get; init; }

        public DateOnly? D4 { get; init; }

        public DateOnly? D5 { get; init; }

        public int Count { get; init; }

        public bool Flag { get; init; }

        /// <summary>The referral's latest assessment's status (stored as its name, so never cast to a number in SQL).</summary>
        public AssessmentStatus? Status { get; init; }

        /// <summary>A period of care's current legal status and placement type (SSDA903 LS and PLACE), which set its visits and reviews.</summary>
        public string? LegalStatus { get; init; }

        public string? PlacementType { get; init; }

        public DateOnly? D6 { get; init; }

        public DateOnly? D7 { get; init; }

        /// <summary>
        /// A period of care's current placement's <see cref="PlacementApproval"/> as its number: the enum is stored as its
        /// name, which a union column could not carry beside the other parts' constants.
        /// </summary>
        public int Approval { get; init; }

        /// <summary>A lead's worker.</summary>
        public Guid? WorkerId { get; init; }
    }
}
