using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The next looked-after review (regulation 33) and visit (regulation 28) for a period of care. Visits count
/// from the start of the current placement — the last episode that moved the child (a legal status change
/// alone leaves them where they are) — and only visits in which the child was seen count. A child living with a parent
/// under a care order or interim care order (regulation 28(4), (5)) and short breaks (regulation 48) have their own.
/// </summary>
public static class CareDue
{
    public static DateOnly PlacementStart(PeriodOfCare period) => period.Episodes.Last(e => e.ReasonForNewEpisode != "L").StartedOn;

    public static DateOnly? LastVisitInPlacement(PeriodOfCare period)
    {
        var start = PlacementStart(period);
        return period.Visits.Where(v => v.ChildSeen && v.VisitedOn >= start).Select(v => (DateOnly?)v.VisitedOn).Max();
    }

    public static DateOnly ReviewDue(PeriodOfCare period, StatutoryTimescales timescales) =>
        timescales.LookedAfterReviewDue(period.StartedOn, [.. period.Reviews.Select(r => r.HeldOn)], LookedAfterVisitRule.IsShortBreaks(period.CurrentEpisode.LegalStatus));

    /// <summary>
    /// The next visit, under the paragraph of regulation 28 (or 48, for short breaks) that the child's legal status and
    /// placement now call for; short breaks count from the start of the first placement, the period's.
    /// </summary>
    public static DateOnly VisitDue(PeriodOfCare period, StatutoryTimescales timescales)
    {
        var current = period.CurrentEpisode;
        var rule = new LookedAfterVisitRule(
            LookedAfterVisitRule.RegimeFor(current.LegalStatus, current.Placement.Type),
            period.Reviews.Select(r => (DateOnly?)r.HeldOn).Min(),
            period.Episodes.Where(e => e.LegalStatus == "C2").Select(e => (DateOnly?)e.StartedOn).Min());
        var last = LastVisitInPlacement(period);
        return rule.Regime == VisitRegime.ShortBreaks
            ? timescales.LookedAfterVisitDue(period.StartedOn, period.Visits.Where(v => v.ChildSeen).Select(v => (DateOnly?)v.VisitedOn).Max(), false, rule)
            : timescales.LookedAfterVisitDue(PlacementStart(period), last, current.Placement.IntendedLongTerm, rule);
    }
}
