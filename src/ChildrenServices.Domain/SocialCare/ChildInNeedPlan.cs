using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>
/// A child in need plan on a referral (the CIN census "CINPlanDates": start and end), with its reviews
/// and the visits made under it. Reviews and visits are due at the council's local frequency
/// (<see cref="Timescales.StatutoryTimescales.ChildInNeedReviewDue"/>, <see cref="Timescales.StatutoryTimescales.ChildInNeedVisitDue"/>).
/// </summary>
public sealed class ChildInNeedPlan : Aggregate
{
    public const int TextLimit = 10_000;

    /// <summary>The rule a second open plan breaks, said the same by the handler's check and the database's index.</summary>
    public const string OneOpenPerChild = "The child already has an open child in need plan";

    /// <summary>The end reason written when an initial conference starts a child protection plan.</summary>
    public const string EndedByChildProtectionPlan = "A child protection plan started at the initial conference";

    private readonly List<CinReview> reviews = [];
    private readonly List<CinVisit> visits = [];

    private ChildInNeedPlan()
    {
    }

    public ChildInNeedPlan(Referral referral, DateOnly startedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Status != ReferralStatus.Open)
        {
            throw new DomainRuleException("The referral is closed, so no plan can start on it", "StartedOn");
        }

        if (startedOn < referral.ReferralDate)
        {
            throw new DomainRuleException($"The plan cannot start before the referral date, {referral.ReferralDate:d MMMM yyyy}", "StartedOn");
        }

        NotInFuture(startedOn, today, "StartedOn", "The start date");
        ReferralId = referral.Id;
        ChildId = referral.ChildId;
        StartedOn = startedOn;
    }

    public Guid ReferralId { get; private init; }

    public Guid ChildId { get; private init; }

    public DateOnly StartedOn { get; private init; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    public bool IsOpen => EndedOn is null;

    public IReadOnlyList<CinReview> Reviews => reviews;

    public IReadOnlyList<CinVisit> Visits => visits;

    public DateOnly? LatestReview => reviews.Count == 0 ? null : reviews.Max(r => r.HeldOn);

    public DateOnly? LatestVisit => visits.Where(v => v.ChildSeen).Select(v => (DateOnly?)v.VisitedOn).Max();

    public CinReview RecordReview(DateOnly heldOn, string? summary, DateOnly today, Guid? recordedById = null)
    {
        EnsureOpen();
        WithinPlan(heldOn, today, "HeldOn", "The review");
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("Summarise what the review decided", "Summary");
        }

        var review = new CinReview(Id, heldOn, summary.Trim(), recordedById, today);
        reviews.Add(review);
        return review;
    }

    /// <summary>
    /// Corrects the date of a review recorded wrongly: within the plan and not in the future, as when it was recorded, and
    /// in its place among the plan's reviews. Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectReviewDate(Guid reviewId, DateOnly heldOn, DateOnly today)
    {
        var review = reviews.SingleOrDefault(r => r.Id == reviewId) ?? throw new DomainRuleException("The review is not on this plan", "HeldOn");
        Correction.KeepsItsPlace(reviews.Select(r => (r.Id, r.HeldOn)), reviewId, heldOn, "review");
        WithinPlan(heldOn, today, "HeldOn", "The review");
        if (EndedOn is { } ended && heldOn > ended)
        {
            throw new DomainRuleException($"The review cannot be after the plan ended, {ended:d MMMM yyyy}", "HeldOn");
        }

        var old = review.HeldOn;
        review.Redate(heldOn);
        return old;
    }

    /// <summary>A visit under the plan. Only a visit where the child was seen counts towards the visit frequency.</summary>
    public CinVisit RecordVisit(DateOnly visitedOn, bool childSeen, bool seenAlone, DateOnly today, Guid? recordedById = null)
    {
        EnsureOpen();
        WithinPlan(visitedOn, today, "VisitedOn", "The visit");
        if (seenAlone && !childSeen)
        {
            throw new DomainRuleException("A child seen alone was seen: tick both, or neither", "SeenAlone");
        }

        var visit = new CinVisit(Id, visitedOn, childSeen, seenAlone, recordedById, today);
        visits.Add(visit);
        return visit;
    }

    /// <summary>Corrects the date of a visit recorded wrongly: within the plan and not in the future, as when it was recorded. Returns the date it replaces.</summary>
    public DateOnly CorrectVisitDate(Guid visitId, DateOnly visitedOn, DateOnly today)
    {
        var visit = visits.SingleOrDefault(v => v.Id == visitId) ?? throw new DomainRuleException("The visit is not on this plan", "HeldOn");
        if (visitedOn == visit.VisitedOn)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        WithinPlan(visitedOn, today, "HeldOn", "The visit");
        if (EndedOn is { } ended && visitedOn > ended)
        {
            throw new DomainRuleException($"The visit cannot be after the plan ended, {ended:d MMMM yyyy}", "HeldOn");
        }

        var old = visit.VisitedOn;
        visit.Redate(visitedOn);
        return old;
    }

    public void End(DateOnly on, string? reason, DateOnly today)
    {
        EnsureOpen();
        if (on < StartedOn)
        {
            throw new DomainRuleException("The end date cannot be before the plan started", "EndedOn");
        }

        var last = new[] { LatestReview, visits.Count == 0 ? null : visits.Max(v => (DateOnly?)v.VisitedOn) }.Max();
        if (last is { } l && on < l)
        {
            throw new DomainRuleException($"The end date cannot be before the last review or visit, {l:d MMMM yyyy}", "EndedOn");
        }

        NotInFuture(on, today, "EndedOn", "The end date");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the plan is ending", "Reason");
        }

        EndedOn = on;
        EndReason = reason.Trim();
    }

    /// <summary>The child protection plan that ended this plan now starts on another day (its conference was corrected): this plan ends that day.</summary>
    public void FollowChildProtectionPlanStart(DateOnly conferenceOn)
    {
        if (EndReason != EndedByChildProtectionPlan)
        {
            throw new InvalidOperationException("This child in need plan did not end when a child protection plan started");
        }

        EnsureCanEndAt(conferenceOn);
        EndedOn = conferenceOn;
    }

    /// <summary>
    /// A child protection plan starts from an initial conference: the child in need plan ends that day, so the two
    /// never run together (CIN rules 4001, 4016, 4017). Refused, on the conference date, when the child in need plan
    /// started after the conference or has a review or visit after it.
    /// </summary>
    public void EndAsChildProtectionPlanStarts(DateOnly conferenceOn)
    {
        EnsureOpen();
        EnsureCanEndAt(conferenceOn);
        EndedOn = conferenceOn;
        EndReason = EndedByChildProtectionPlan;
    }

    /// <summary>A child protection plan starting on <paramref name="conferenceOn"/> can end this one that day: not before it started (4017), nor before its last review or visit (4001).</summary>
    private void EnsureCanEndAt(DateOnly conferenceOn)
    {
        if (conferenceOn < StartedOn)
        {
            throw new DomainRuleException($"The child in need plan started on {StartedOn:d MMMM yyyy}, after this conference: a child protection plan cannot start before it (CIN rule 4017)", "HeldOn");
        }

        var last = new[] { LatestReview, visits.Count == 0 ? null : visits.Max(v => (DateOnly?)v.VisitedOn) }.Max();
        if (last is { } l && conferenceOn < l)
        {
            throw new DomainRuleException($"The child in need plan has a review or visit on {l:d MMMM yyyy}, after this conference: the plan ends when the child protection plan starts (CIN rule 4001)", "HeldOn");
        }
    }

    private void WithinPlan(DateOnly on, DateOnly today, string field, string what)
    {
        if (on < StartedOn)
        {
            throw new DomainRuleException($"{what} cannot be before the plan started, {StartedOn:d MMMM yyyy}", field);
        }

        NotInFuture(on, today, field, $"{what} date");
    }

    private static void NotInFuture(DateOnly on, DateOnly today, string field, string what)
    {
        if (on > today)
        {
            throw new DomainRuleException($"{what} must be today or in the past", field);
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("The plan has ended", "EndedOn");
        }
    }
}

public sealed class CinReview : IPartOf<ChildInNeedPlan>
{
    private CinReview()
    {
        Summary = string.Empty;
    }

    internal CinReview(Guid planId, DateOnly heldOn, string summary, Guid? recordedById, DateOnly recordedOn)
    {
        PlanId = planId;
        HeldOn = heldOn;
        Summary = summary;
        RecordedById = recordedById;
        RecordedOn = recordedOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public DateOnly HeldOn { get; private set; }

    public string Summary { get; private init; }

    /// <summary>Who recorded it (unknown on reviews recorded before this was kept) and the day they did.</summary>
    public Guid? RecordedById { get; private init; }

    public DateOnly? RecordedOn { get; private init; }

    internal void Redate(DateOnly heldOn) => HeldOn = heldOn;
}

public sealed class CinVisit : IPartOf<ChildInNeedPlan>
{
    private CinVisit()
    {
    }

    internal CinVisit(Guid planId, DateOnly visitedOn, bool childSeen, bool seenAlone, Guid? recordedById, DateOnly recordedOn)
    {
        RecordedById = recordedById;
        RecordedOn = recordedOn;
        PlanId = planId;
        VisitedOn = visitedOn;
        ChildSeen = childSeen;
        SeenAlone = seenAlone;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public DateOnly VisitedOn { get; private set; }

    /// <summary>Who recorded it (unknown on visits recorded before this was kept) and the day they did.</summary>
    public Guid? RecordedById { get; private init; }

    public DateOnly? RecordedOn { get; private init; }

    internal void Redate(DateOnly visitedOn) => VisitedOn = visitedOn;

    public bool ChildSeen { get; private init; }

    public bool SeenAlone { get; private init; }
}
