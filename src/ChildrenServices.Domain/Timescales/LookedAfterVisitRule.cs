namespace ChildrenServices.Domain.Timescales;

/// <summary>Which paragraph of regulation 28 (or regulation 48, for short breaks) sets a looked-after child's visits.</summary>
public enum VisitRegime
{
    /// <summary>Regulation 28(2): within a week of the placement, then 6-weekly for its first year, then 3-monthly if long term.</summary>
    General = 0,

    /// <summary>Regulation 28(4): living with a parent under an interim care order: weekly until the first review, then 4-weekly.</summary>
    WithParentInterimCareOrder = 1,

    /// <summary>Regulation 28(5): living with a parent under a care order: within a week of the order, then 6-weekly.</summary>
    WithParentCareOrder = 2,

    /// <summary>Regulation 48(3)(c): short breaks (V3, V4): within 3 months of the first placement, then 6-monthly.</summary>
    ShortBreaks = 3,

    /// <summary>Regulation 28(3): placed with a parent before the assessment was complete (regulation 19): weekly until the first review, then 6-weekly.</summary>
    WithParentBeforeAssessment = 4,

    /// <summary>Regulation 28(4): placed with a connected person on temporary approval (regulation 24): weekly until the first review, then 4-weekly.</summary>
    ConnectedPersonTemporaryApproval = 5,
}

/// <summary>
/// What a looked-after visit's due date depends on beyond the placement: the regime, the first review (regulation 28(4)
/// counts to it) and the day the care order was made (regulation 28(5) counts from it).
/// </summary>
public readonly record struct LookedAfterVisitRule(VisitRegime Regime, DateOnly? FirstReviewOn = null, DateOnly? CareOrderOn = null)
{
    /// <summary>
    /// The regime for the child's legal status and placement now (SSDA903 LS and PLACE) and whether the carer's assessment
    /// or approval is complete. Where two paragraphs could apply, the one asking for more visits wins: an interim care order
    /// with a parent (28(4), 4-weekly after the first review) over a placement before the assessment (28(3), 6-weekly), and
    /// that over a care order with a parent (28(5), which has no weekly visits).
    /// </summary>
    public static VisitRegime RegimeFor(string? legalStatus, string? placementType, LookedAfter.PlacementApproval approval = LookedAfter.PlacementApproval.Approved) =>
        (legalStatus, placementType, approval) switch
        {
            ("V3" or "V4", _, _) => VisitRegime.ShortBreaks,
            ("C1", "P1", _) => VisitRegime.WithParentInterimCareOrder,
            (_, _, LookedAfter.PlacementApproval.ParentBeforeAssessment) => VisitRegime.WithParentBeforeAssessment,
            (_, _, LookedAfter.PlacementApproval.ConnectedPersonTemporary) => VisitRegime.ConnectedPersonTemporaryApproval,
            ("C2", "P1", _) => VisitRegime.WithParentCareOrder,
            _ => VisitRegime.General,
        };

    /// <summary>Short breaks (V3, V4) are reviewed under regulation 48, not regulation 33.</summary>
    public static bool IsShortBreaks(string? legalStatus) => legalStatus is "V3" or "V4";
}
