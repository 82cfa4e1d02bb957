using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The next looked-after review (regulation 33) and visit (regulation 28) for a period of care. Visits count
/// from the start of the current placement — the last episode that moved the child (a legal status change
/// alone leaves them where they are) — and only visits in which the child was seen count. A child placed before the
/// carer's assessment or approval was complete (regulation 28(3), (4)), living with a parent under a care order or interim
/// care order (regulation 28(4), (5)), and short breaks (regulation 48) have their own.
/// </summary>
public static class CareDue
{
    public static DateOnly PlacementStart(PeriodOfCare period) => period.Episodes.Last(e => e.ReasonForNewEpisode != "L").StartedOn;

    public static DateOnly ReviewDue(PeriodOfCare period, StatutoryTimescales timescales) =>
        timescales.LookedAfterReviewDue(period.StartedOn, [.. period.Reviews.Select(r => r.HeldOn)], LookedAfterVisitRule.IsShortBreaks(period.CurrentEpisode.LegalStatus));

    /// <summary>Which paragraph of regulation 28 (or 48) sets the child's visits now, with the dates it counts from.</summary>
    public static LookedAfterVisitRule VisitRule(PeriodOfCare period)
    {
        var current = period.CurrentEpisode;
        return new LookedAfterVisitRule(
            LookedAfterVisitRule.RegimeFor(current.LegalStatus, current.Placement.Type, current.Placement.Approval),
            period.Reviews.Select(r => (DateOnly?)r.HeldOn).Min(),
            period.Episodes.Where(e => e.LegalStatus == "C2").Select(e => (DateOnly?)e.StartedOn).Min());
    }

    /// <summary>Where the visit interval counts from: the period's start for short breaks (the first placement), otherwise the current placement's.</summary>
    public static DateOnly VisitsCountFrom(PeriodOfCare period, LookedAfterVisitRule rule) =>
        rule.Regime == VisitRegime.ShortBreaks ? period.StartedOn : PlacementStart(period);

    /// <summary>The last visit in which the child was seen since <see cref="VisitsCountFrom"/>.</summary>
    public static DateOnly? LastVisit(PeriodOfCare period, LookedAfterVisitRule rule)
    {
        var from = VisitsCountFrom(period, rule);
        return period.Visits.Where(v => v.ChildSeen && v.VisitedOn >= from).Select(v => (DateOnly?)v.VisitedOn).Max();
    }

    /// <summary>The next visit, under the paragraph of regulation 28 (or 48, for short breaks) that the child's legal status and placement now call for.</summary>
    public static DateOnly VisitDue(PeriodOfCare period, StatutoryTimescales timescales)
    {
        var rule = VisitRule(period);
        return timescales.LookedAfterVisitDue(VisitsCountFrom(period, rule), LastVisit(period, rule), period.CurrentEpisode.Placement.IntendedLongTerm, rule);
    }
}
