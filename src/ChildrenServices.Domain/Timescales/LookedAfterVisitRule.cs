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
}

/// <summary>
/// What a looked-after visit's due date depends on beyond the placement: the regime, the first review (regulation 28(4)
/// counts to it) and the day the care order was made (regulation 28(5) counts from it).
/// </summary>
public readonly record struct LookedAfterVisitRule(VisitRegime Regime, DateOnly? FirstReviewOn = null, DateOnly? CareOrderOn = null)
{
    /// <summary>The regime for the child's legal status and placement now (SSDA903 LS and PLACE).</summary>
    public static VisitRegime RegimeFor(string? legalStatus, string? placementType) => (legalStatus, placementType) switch
    {
        ("V3" or "V4", _) => VisitRegime.ShortBreaks,
        ("C1", "P1") => VisitRegime.WithParentInterimCareOrder,
        ("C2", "P1") => VisitRegime.WithParentCareOrder,
        _ => VisitRegime.General,
    };

    /// <summary>Short breaks (V3, V4) are reviewed under regulation 48, not regulation 33.</summary>
    public static bool IsShortBreaks(string? legalStatus) => legalStatus is "V3" or "V4";
}
