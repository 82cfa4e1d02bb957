namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// A looked-after child's review (regulation 33), chaired by the independent reviewing officer:
/// the SSDA903 Reviews row (REVIEW, REVIEW_CODE). Recorded through <see cref="PeriodOfCare.RecordReview"/>.
/// </summary>
public sealed class ClaReview
{
    private ClaReview()
    {
        ParticipationCode = string.Empty;
    }

    internal ClaReview(Guid periodOfCareId, DateOnly heldOn, string participationCode, Guid reviewingOfficerId)
    {
        PeriodOfCareId = periodOfCareId;
        HeldOn = heldOn;
        ParticipationCode = participationCode;
        ReviewingOfficerId = reviewingOfficerId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PeriodOfCareId { get; private init; }

    public DateOnly HeldOn { get; private init; }

    /// <summary>How the child took part (PN0 … PN7).</summary>
    public string ParticipationCode { get; private init; }

    /// <summary>The independent reviewing officer who chaired it (a staff member).</summary>
    public Guid ReviewingOfficerId { get; private init; }
}
