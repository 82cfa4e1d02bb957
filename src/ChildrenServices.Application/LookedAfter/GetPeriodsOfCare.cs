using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The child's periods of care, newest first: each episode in plain words with its codes, the reviews, visits
/// and missing episodes, and — while the child is looked after — when the next review and visit are due.
/// </summary>
public static class GetPeriodsOfCare
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    /// <param name="CanRecord">The user may record the worker's events (holds the case and does statutory work).</param>
    /// <param name="CanRecordReviews">The user is an independent reviewing officer, who records the reviews they chair.</param>
    public sealed record Result(IReadOnlyList<Period> Periods, bool CanRecord, bool CanRecordReviews)
    {
        public Period? Open => Periods.FirstOrDefault(p => p.IsOpen);

        /// <summary>The period reviews, visits and missing episodes are recorded on: the open one, or else the last.</summary>
        public Period? Latest => Periods.Count == 0 ? null : Periods[0];
    }

    public sealed record Period(
        Guid Id, Guid Version, DateOnly StartedOn, string CategoryOfNeed, DateOnly? EndedOn, string? ReasonCeased,
        IReadOnlyList<Episode> Episodes, IReadOnlyList<Review> Reviews, IReadOnlyList<Visit> Visits, IReadOnlyList<Missing> MissingEpisodes,
        Due? NextReview, Due? NextVisit, string? UpdatedBy, DateTime UpdatedAtUtc)
    {
        public bool IsOpen => EndedOn is null;

        /// <summary>The user may correct the day care ended, as <see cref="Episode.MayCorrect"/> for an episode.</summary>
        public bool MayCorrectEnd { get; init; }

        /// <summary>The postcode of the child's home when the period started (SSDA903 HOME_POST).</summary>
        public string? HomePostcode { get; init; }

        /// <summary>Whether the child left care before through adoption, an SGO or a child arrangements order (SSDA903 PrevPerm).</summary>
        public Domain.LookedAfter.PreviousPermanence? PreviousPermanence { get; init; }

        /// <summary>Deprivation of liberty orders made in the period, oldest first (SSDA903 DoLo).</summary>
        public IReadOnlyList<LibertyOrder> LibertyOrders { get; init; } = [];

        public LibertyOrder? OrderInForce => LibertyOrders.FirstOrDefault(o => o.EndedOn is null);

        /// <summary>The child's legal status and placement now, or when care ended.</summary>
        public Episode Current => Episodes[^1];

        public Missing? StillMissing => MissingEpisodes.FirstOrDefault(m => m.EndedOn is null);
    }

    /// <param name="WhatHappened">The reason for new episode in the worker's words: "Placement changed, new carers".</param>
    public sealed record Episode(
        DateOnly StartedOn, DateOnly? EndedOn, string ReasonForNewEpisode, string WhatHappened, string LegalStatus,
        string PlacementType, string? PlacementProvider, string? PlacementPostcode, string Carer, bool IntendedLongTerm, string? ReasonCeased)
    {
        /// <summary>The placement's Ofsted URN, or the exempt value (SSDA903 URN).</summary>
        public string? PlacementUrn { get; init; }

        /// <summary>Why the child left this placement (SSDA903 REASON_PLACE_CHANGE), when a move ended the episode.</summary>
        public string? ReasonForPlacementChange { get; init; }

        public Guid Id { get; init; }

        /// <summary>Whether the placement was made before the carer's assessment or approval was complete (regulations 19 and 24).</summary>
        public PlacementApproval PlacementApproval { get; init; }

        public DateOnly? ApprovalCompletedOn { get; init; }

        /// <summary>The user may correct the day it began: a manager of the holding team, or the worker who recorded it within a week (ADR 0029).</summary>
        public bool MayCorrect { get; init; }
    }

    /// <param name="CarePlanEndorsed">Null on reviews recorded before the question was asked.</param>
    public sealed record Review(
        DateOnly HeldOn, string ParticipationCode, string ReviewingOfficer, string? Attendees = null, string? ChildViews = null, string? ParentViews = null,
        bool? CarePlanEndorsed = null, IReadOnlyList<Recommendation>? Recommendations = null);

    public sealed record Recommendation(Guid Id, string Text, string Owner, DateOnly DueOn, RecommendationStatus Status, DateOnly? FollowedUpOn);

    public sealed record Visit(DateOnly VisitedOn, bool ChildSeen, bool SeenAlone);

    public sealed record LibertyOrder(Guid Id, DateOnly StartedOn, DateOnly? EndedOn);

    public sealed record Missing(
        Guid Id, string Type, DateOnly StartedOn, DateOnly? EndedOn, bool? ReturnInterviewOffered, bool? ReturnInterviewAccepted, DateOnly? ReturnInterviewHeldOn);

    /// <summary>What is due next, by when, how it stands today, and the event it counts from.</summary>
    /// <param name="WorkingDaysLeft">Working days from today to the due date; negative once it has passed.</param>
    public sealed record Due(DueKind Kind, DateOnly DueOn, RagStatus Status, int WorkingDaysLeft, string CountedFrom);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, WorkingDayCalendar calendar, TimeProvider clock, Timescales.TimescaleProvider timescaleProvider) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var periods = await db.PeriodsOfCare.AsNoTracking()
                .Include(p => p.Episodes).Include(p => p.Reviews).ThenInclude(r => r.Recommendations).Include(p => p.Visits).Include(p => p.MissingEpisodes).Include(p => p.DeprivationOfLibertyOrders)
                .AsSplitQuery()
                .Where(p => p.ChildId == query.PersonId)
                .OrderByDescending(p => p.StartedOn)
                .ToListAsync(cancellationToken);
            var officerIds = periods.SelectMany(p => p.Reviews).Select(r => r.ReviewingOfficerId).Distinct().ToList();
            var officers = await db.Staff.Where(s => officerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);

            // Looked-after reviews and visits are national rules (regulations 28 and 33); only the amber
            // window is a local setting, and the defaults serve until councils can change it.
            // The looked-after rules are national; the council's amber window still applies to the RAG.
            var timescales = await timescaleProvider.CurrentAsync(cancellationToken);
            var today = UkTime.Today(clock);
            var canRecord = user.HasPermission(Permission.RecordStatutoryWork) && await access.CanRecordAsync(query.PersonId, cancellationToken);
            // The same rule as the correction itself (CorrectRecordedDate): a manager of the holding team, or the worker who
            // recorded it within the week, whether or not they still hold the case.
            var manages = await access.ManagesHoldingTeamAsync(query.PersonId, cancellationToken);
            var me = user.UserId ?? Guid.Empty;
            Func<CareEpisode, bool> mayCorrect = e => manages || Correction.RecorderMayCorrect(e.RecordedById, e.RecordedOn, me, today);
            return new Result(
                [.. periods.Select(p => Describe(p, officers, timescales, today, mayCorrect) with
                {
                    MayCorrectEnd = p.EndedOn is not null && (manages || Correction.RecorderMayCorrect(p.EndRecordedById, p.EndRecordedOn, me, today)),
                })],
                canRecord,
                user.HasPermission(Permission.RecordReviewOutcomes));
        }

        private Period Describe(PeriodOfCare p, Dictionary<Guid, string> officers, StatutoryTimescales timescales, DateOnly today, Func<CareEpisode, bool> mayCorrect) => new(
            p.Id, p.Version, p.StartedOn, p.CategoryOfNeed, p.EndedOn, p.ReasonCeased,
            [.. p.Episodes.Select(e => new Episode(
                e.StartedOn, e.EndedOn, e.ReasonForNewEpisode, e.WhatHappened, e.LegalStatus,
                e.Placement.Type, e.Placement.Provider, e.Placement.Postcode, e.Placement.Carer, e.Placement.IntendedLongTerm, e.ReasonCeased)
            {
                Id = e.Id,
                PlacementApproval = e.Placement.Approval,
                ApprovalCompletedOn = e.ApprovalCompletedOn,
                PlacementUrn = e.Placement.Urn,
                ReasonForPlacementChange = e.ReasonForPlacementChange,
                MayCorrect = mayCorrect(e),
            })],
            [.. p.Reviews.Select(r => new Review(
                r.HeldOn, r.ParticipationCode, officers.GetValueOrDefault(r.ReviewingOfficerId, "Unknown"), r.Attendees, r.ChildViews, r.ParentViews, r.CarePlanEndorsed,
                [.. r.Recommendations.OrderBy(x => x.DueOn).ThenBy(x => x.Id).Select(x => new Recommendation(x.Id, x.Text, x.Owner, x.DueOn, x.Status, x.FollowedUpOn))]))],
            [.. p.Visits.Select(v => new Visit(v.VisitedOn, v.ChildSeen, v.SeenAlone))],
            [.. p.MissingEpisodes.Select(m => new Missing(m.Id, m.Type, m.StartedOn, m.EndedOn, m.ReturnInterviewOffered, m.ReturnInterviewAccepted, m.ReturnInterviewHeldOn))],
            p.IsOpen ? NextReview(p, timescales, today) : null,
            p.IsOpen ? NextVisit(p, timescales, today) : null,
            p.UpdatedByName,
            p.UpdatedAtUtc)
        {
            HomePostcode = p.HomePostcode,
            PreviousPermanence = p.PreviousPermanence,
            LibertyOrders = [.. p.DeprivationOfLibertyOrders.Select(o => new LibertyOrder(o.Id, o.StartedOn, o.EndedOn))],
        };

        private Due NextReview(PeriodOfCare p, StatutoryTimescales timescales, DateOnly today)
        {
            var held = p.Reviews.Select(r => r.HeldOn).ToList();
            var due = CareDue.ReviewDue(p, timescales);
            var from = LookedAfterVisitRule.IsShortBreaks(p.CurrentEpisode.LegalStatus) ? held.Count switch
            {
                0 => $"3 months after {Day(p.StartedOn)}, when the short breaks began (regulation 48)",
                _ => $"6 months after the last review, on {Day(held.Max())} (short breaks, regulation 48)",
            } : held.Count switch
            {
                0 => $"20 working days after {Day(p.StartedOn)}, when the child became looked after",
                1 => $"3 months after the first review, on {Day(held[0])}",
                _ => $"6 months after the last review, on {Day(held.Max())}",
            };
            return Item(DueKind.LookedAfterReview, due, from, timescales, today);
        }

        /// <summary>
        /// Regulation 28 counts from the start of the current placement: the last episode that moved the child
        /// (a legal status change alone leaves them where they are). Only visits in which the child was seen count.
        /// </summary>
        private Due NextVisit(PeriodOfCare p, StatutoryTimescales timescales, DateOnly today)
        {
            var rule = CareDue.VisitRule(p);
            var placementStart = CareDue.VisitsCountFrom(p, rule);
            var lastVisit = CareDue.LastVisit(p, rule);
            var due = CareDue.VisitDue(p, timescales);
            var from = rule.Regime switch
            {
                VisitRegime.ShortBreaks => lastVisit is { } lastBreak
                    ? $"6 months after the last visit, on {Day(lastBreak)} (short breaks, regulation 48)"
                    : $"3 months after {Day(p.StartedOn)}, when the short breaks began (regulation 48)",
                VisitRegime.WithParentInterimCareOrder when lastVisit is { } lastIco => due == lastIco.AddDays(7)
                    ? $"1 week after the last visit, on {Day(lastIco)}: living with a parent under an interim care order, visited weekly until the first review (regulation 28(4))"
                    : $"4 weeks after the last visit, on {Day(lastIco)}: living with a parent under an interim care order, after the first review (regulation 28(4))",
                VisitRegime.WithParentCareOrder when lastVisit is { } lastCo && due == lastCo.AddDays(StatutoryTimescales.LookedAfterVisitWeeks * 7) =>
                    $"6 weeks after the last visit, on {Day(lastCo)}: living with a parent under a care order (regulation 28(5))",
                VisitRegime.WithParentCareOrder => $"1 week after the care order was made, on {Day(due.AddDays(-7))} (regulation 28(5))",
                VisitRegime.WithParentBeforeAssessment or VisitRegime.ConnectedPersonTemporaryApproval when lastVisit is { } lastWeekly => Weekly(rule.Regime, due == lastWeekly.AddDays(7), lastWeekly),
                VisitRegime.WithParentBeforeAssessment or VisitRegime.ConnectedPersonTemporaryApproval =>
                    $"1 week after the placement started on {Day(placementStart)}: {Placed(rule.Regime)}, visited weekly until the first review ({Paragraph(rule.Regime)})",
                _ => null,
            } ?? (lastVisit is not { } last
                ? $"1 week after the placement started on {Day(placementStart)}"
                : due == last.AddDays(StatutoryTimescales.LookedAfterVisitWeeks * 7)
                    ? $"6 weeks after the last visit in this placement, on {Day(last)}"
                    : $"3 months after the last visit, on {Day(last)}: the placement is intended to last and is past its first year");
            return Item(DueKind.LookedAfterVisit, due, from, timescales, today);
        }

        private Due Item(DueKind kind, DateOnly due, string from, StatutoryTimescales timescales, DateOnly today)
        {
            var status = timescales.StatusOf(new DueItem(kind, due), today);
            return new Due(kind, due, status, calendar.WorkingDaysBetween(today, due), from);
        }

        private static string Day(DateOnly date) => $"{date:d MMMM yyyy}";

        private static string Weekly(VisitRegime regime, bool beforeFirstReview, DateOnly last) => beforeFirstReview
            ? $"1 week after the last visit, on {Day(last)}: {Placed(regime)}, visited weekly until the first review ({Paragraph(regime)})"
            : $"{(regime == VisitRegime.WithParentBeforeAssessment ? 6 : 4)} weeks after the last visit, on {Day(last)}: {Placed(regime)}, after the first review ({Paragraph(regime)})";

        private static string Placed(VisitRegime regime) => regime == VisitRegime.WithParentBeforeAssessment
            ? "placed with a parent before the assessment was complete"
            : "placed with a connected person on temporary approval";

        private static string Paragraph(VisitRegime regime) => regime == VisitRegime.WithParentBeforeAssessment ? "regulation 28(3)" : "regulation 28(4)";
    }
}
