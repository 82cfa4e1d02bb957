using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// When a looked-after visit was due, as the worktray would have shown it the day before it happened: the same
/// regulation 28 rule as <see cref="LookedAfter.CareDue"/>, applied to the period as it stood then — the placement in
/// force (a legal status change alone does not move the child), the paragraph its legal status, type and approval called
/// for (before the carer's assessment or approval was completed, the placement was under 28(3) or (4)), the first review
/// and the care order so far, and the last visit seen in that placement.
/// </summary>
public static class CareVisits
{
    public sealed record Episode(DateOnly StartedOn, string? ReasonForNewEpisode, string LegalStatus, string PlacementType, bool IntendedLongTerm, PlacementApproval Approval, DateOnly? ApprovalCompletedOn);

    /// <param name="episodes">The period's episodes, oldest first.</param>
    /// <param name="reviews">The period's reviews, oldest first.</param>
    /// <param name="earlier">The visits seen before this one, oldest first.</param>
    public static DateOnly DueBefore(StatutoryTimescales rules, DateOnly periodStart, IReadOnlyList<Episode> episodes, IReadOnlyList<DateOnly> reviews, IReadOnlyList<DateOnly> earlier, DateOnly visit)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(earlier);
        var inForce = episodes.Where(e => e.StartedOn <= visit).ToList();
        if (inForce.Count == 0)
        {
            // A visit recorded before the first episode's (corrected) start: counted from the period's start.
            return periodStart.AddDays(7);
        }

        var current = inForce[^1];
        var approval = current.ApprovalCompletedOn is { } completed && visit <= completed ? Temporary(current.PlacementType) : current.Approval;
        var rule = new LookedAfterVisitRule(
            LookedAfterVisitRule.RegimeFor(current.LegalStatus, current.PlacementType, approval),
            reviews.Where(r => r < visit).Select(r => (DateOnly?)r).FirstOrDefault(),
            inForce.Where(e => e.LegalStatus == "C2").Select(e => (DateOnly?)e.StartedOn).FirstOrDefault());
        var from = rule.Regime == VisitRegime.ShortBreaks ? periodStart : inForce.Last(e => e.ReasonForNewEpisode != "L").StartedOn;
        var last = earlier.Where(v => v >= from).Select(v => (DateOnly?)v).LastOrDefault();
        return rules.LookedAfterVisitDue(from, last, current.IntendedLongTerm, rule);
    }

    /// <summary>The approval a completed placement was made under: a parent's assessment (P1) or a connected person's temporary approval.</summary>
    private static PlacementApproval Temporary(string placementType) =>
        placementType == "P1" ? PlacementApproval.ParentBeforeAssessment : PlacementApproval.ConnectedPersonTemporary;
}
