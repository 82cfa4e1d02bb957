using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The next looked-after review (regulation 33) and visit (regulation 28) for a period of care. Visits count
/// from the start of the current placement — the last episode that moved the child (a legal status change
/// alone leaves them where they are) — and only visits in which the child was seen count.
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
        timescales.LookedAfterReviewDue(period.StartedOn, [.. period.Reviews.Select(r => r.HeldOn)]);

    public static DateOnly VisitDue(PeriodOfCare period, StatutoryTimescales timescales) =>
        timescales.LookedAfterVisitDue(PlacementStart(period), LastVisitInPlacement(period), period.CurrentEpisode.Placement.IntendedLongTerm);
}
