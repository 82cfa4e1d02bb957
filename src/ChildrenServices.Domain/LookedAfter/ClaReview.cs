using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// A looked-after child's review (regulation 33), chaired by the independent reviewing officer:
/// the SSDA903 Reviews row (REVIEW, REVIEW_CODE) and what the review decided — who attended, the
/// child's and parents' views, whether the care plan is endorsed and the recommendations, each with
/// an owner and a date, which the next review follows up. Recorded through <see cref="PeriodOfCare.RecordReview"/>.
/// </summary>
public sealed class ClaReview : IPartOf<PeriodOfCare>
{
    private readonly List<ReviewRecommendation> recommendations = [];

    private ClaReview()
    {
        ParticipationCode = string.Empty;
    }

    internal ClaReview(Guid periodOfCareId, DateOnly heldOn, string participationCode, Guid reviewingOfficerId, ReviewOutcome? outcome, Guid? recordedById, DateOnly recordedOn)
    {
        RecordedById = recordedById;
        RecordedOn = recordedOn;
        PeriodOfCareId = periodOfCareId;
        HeldOn = heldOn;
        ParticipationCode = participationCode;
        ReviewingOfficerId = reviewingOfficerId;
        if (outcome is not null)
        {
            Attendees = outcome.Attendees;
            ChildViews = outcome.ChildViews;
            ParentViews = outcome.ParentViews;
            CarePlanEndorsed = outcome.CarePlanEndorsed;
            recommendations.AddRange(outcome.Recommendations.Select(r => new ReviewRecommendation(periodOfCareId, Id, r.Text, r.Owner, r.DueOn)));
        }
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    internal void Redate(DateOnly heldOn) => HeldOn = heldOn;

    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    public DateOnly HeldOn { get; private set; }

    /// <summary>Who recorded it (unknown on reviews recorded before this was kept) and the day they did.</summary>
    public Guid? RecordedById { get; private init; }

    public DateOnly? RecordedOn { get; private init; }

    /// <summary>How the child took part (PN0 … PN7).</summary>
    public string ParticipationCode { get; private init; }

    /// <summary>The independent reviewing officer who chaired it (a staff member).</summary>
    public Guid ReviewingOfficerId { get; private init; }

    /// <summary>Who attended: names and roles, as the chair wrote them.</summary>
    public string? Attendees { get; private init; }

    /// <summary>The child's views, in their words where possible.</summary>
    public string? ChildViews { get; private init; }

    /// <summary>The parents' views.</summary>
    public string? ParentViews { get; private init; }

    /// <summary>Whether the review endorsed the care plan (null on reviews recorded before this was asked).</summary>
    public bool? CarePlanEndorsed { get; private init; }

    public IReadOnlyList<ReviewRecommendation> Recommendations => recommendations;
}

/// <summary>How a recommendation stood when the next review followed it up.</summary>
public enum RecommendationStatus
{
    /// <summary>Not yet followed up: no later review has been recorded.</summary>
    Outstanding = 0,
    Done = 1,
    PartlyDone = 2,
    NotDone = 3,
    NoLongerNeeded = 4,
}

/// <summary>One recommendation of a looked-after review: what, who owns it, by when, and — once the next review has looked at it — how it stood.</summary>
public sealed class ReviewRecommendation : IPartOf<PeriodOfCare>
{
    public const int TextLimit = 2_000;

    public const int OwnerLimit = 200;

    private ReviewRecommendation()
    {
        Text = string.Empty;
        Owner = string.Empty;
    }

    internal ReviewRecommendation(Guid periodOfCareId, Guid reviewId, string text, string owner, DateOnly dueOn)
    {
        PeriodOfCareId = periodOfCareId;
        ClaReviewId = reviewId;
        Text = text;
        Owner = owner;
        DueOn = dueOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The period of care the review is of: its root, so following the recommendation up versions the period.</summary>
    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    public Guid ClaReviewId { get; private init; }

    public string Text { get; private init; }

    /// <summary>Who is responsible: a role or a name ("Social worker", "Foster carers").</summary>
    public string Owner { get; private init; }

    public DateOnly DueOn { get; private init; }

    public RecommendationStatus Status { get; private set; }

    /// <summary>The date of the review that followed it up.</summary>
    public DateOnly? FollowedUpOn { get; private set; }

    internal void FollowUp(RecommendationStatus status, DateOnly on)
    {
        Status = status;
        FollowedUpOn = on;
    }
}

/// <summary>A recommendation as the chair writes it.</summary>
public sealed record RecommendationInput(string Text, string Owner, DateOnly DueOn);

/// <summary>
/// What a review decided, beyond its date and the child's participation.
/// <paramref name="FollowUps"/> gives, for each recommendation of the previous review, how it stood.
/// </summary>
public sealed record ReviewOutcome(
    string? Attendees,
    string? ChildViews,
    string? ParentViews,
    bool CarePlanEndorsed,
    IReadOnlyList<RecommendationInput> Recommendations,
    IReadOnlyDictionary<Guid, RecommendationStatus> FollowUps);
