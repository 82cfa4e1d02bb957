using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>
/// A child protection plan (the CIN census "ChildProtectionPlans": start, end, initial and latest category
/// of abuse, review dates). It starts on the day of the initial conference that made it; core groups,
/// review conferences (chaired by a reviewing officer) and statutory visits hang off it; a review
/// conference that decides the plan is no longer needed ends it that day.
/// </summary>
public sealed class ChildProtectionPlan : Aggregate
{
    public const int TextLimit = 10_000;

    /// <summary>More earlier plans under other councils than this is a typing mistake.</summary>
    public const int MostPreviousPlansElsewhere = 20;

    public const string PreviousPlansElsewhereOutOfRange = "Enter the number of earlier plans under other councils as a whole number from 0 to 20";

    private readonly List<CoreGroup> coreGroups = [];
    private readonly List<CpReview> reviews = [];
    private readonly List<CpVisit> visits = [];

    private ChildProtectionPlan()
    {
        InitialCategory = string.Empty;
        LatestCategory = string.Empty;
    }

    /// <param name="previousPlansElsewhere">
    /// Plans the child had under other councils before this one, in total, as the conference was told (see
    /// <see cref="PreviousPlansElsewhere"/>): 0 when none are known.
    /// </param>
    public ChildProtectionPlan(ChildProtectionEnquiry enquiry, int previousPlansElsewhere = 0)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        if (previousPlansElsewhere is < 0 or > MostPreviousPlansElsewhere)
        {
            throw new DomainRuleException(PreviousPlansElsewhereOutOfRange, nameof(PreviousPlansElsewhere));
        }

        if (enquiry.ConferenceOutcome != ConferenceOutcome.ChildProtectionPlan || enquiry.ConferenceHeldOn is null || enquiry.InitialCategory is null)
        {
            throw new DomainRuleException("A child protection plan starts from an initial conference that decided on one", "Outcome");
        }

        ReferralId = enquiry.ReferralId;
        ChildId = enquiry.ChildId;
        EnquiryId = enquiry.Id;
        StartedOn = enquiry.ConferenceHeldOn.Value;
        InitialCategory = enquiry.InitialCategory;
        LatestCategory = enquiry.InitialCategory;
        PreviousPlansElsewhere = previousPlansElsewhere;
    }

    /// <summary>Longest name of the council a child was transferred in from.</summary>
    public const int CouncilNameLimit = 100;

    /// <summary>
    /// A plan made by a transfer-in conference: the child came from another council under a child protection plan,
    /// and this council's conference (chaired by its reviewing officer) made its own plan without a section 47 here.
    /// The census returns the conference's date at the referral's level (CINdetails' DateOfInitialCPC, rule 2884).
    /// </summary>
    public static ChildProtectionPlan FromTransferInConference(
        Referral referral, DateOnly heldOn, string initialCategory, string transferredFrom, int previousPlansElsewhere, Guid chairId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        referral.EnsureOpen("no conference can be recorded on it", "HeldOn");
        if (heldOn < referral.ReferralDate)
        {
            throw new DomainRuleException($"The conference cannot be before the referral, {referral.ReferralDate:d MMMM yyyy}", "HeldOn");
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("The date of the conference must be today or in the past", "HeldOn");
        }

        ConferenceDate.EnsureWeekday(heldOn, "HeldOn", "The transfer-in conference");
        if (string.IsNullOrWhiteSpace(initialCategory) || DfeCodes.CategoryOfAbuse.Find(initialCategory) is null)
        {
            throw new DomainRuleException("Select the initial category of abuse", "InitialCategory");
        }

        if (string.IsNullOrWhiteSpace(transferredFrom) || transferredFrom.Trim().Length > CouncilNameLimit)
        {
            throw new DomainRuleException($"Enter the council the child was transferred in from, in {CouncilNameLimit} characters or fewer", "TransferredFrom");
        }

        // The plan the child came under is one of the plans elsewhere.
        if (previousPlansElsewhere is < 1 or > MostPreviousPlansElsewhere)
        {
            throw new DomainRuleException(
                "Enter the number of plans under other councils as a whole number from 1 to 20: it includes the plan the child was transferred in under", nameof(PreviousPlansElsewhere));
        }

        return new ChildProtectionPlan
        {
            ReferralId = referral.Id,
            ChildId = referral.ChildId,
            StartedOn = heldOn,
            InitialCategory = initialCategory,
            LatestCategory = initialCategory,
            PreviousPlansElsewhere = previousPlansElsewhere,
            TransferredFrom = transferredFrom.Trim(),
            TransferInChairId = chairId,
        };
    }

    public Guid ReferralId { get; private init; }

    public Guid ChildId { get; private init; }

    /// <summary>The enquiry whose initial conference made the plan; none for a transfer-in conference.</summary>
    public Guid? EnquiryId { get; private init; }

    /// <summary>The council the child was transferred in from, for a plan made by a transfer-in conference.</summary>
    public string? TransferredFrom { get; private init; }

    /// <summary>Who chaired the transfer-in conference (an initial conference's chair is on its enquiry).</summary>
    public Guid? TransferInChairId { get; private init; }

    public bool IsTransferIn => EnquiryId is null;

    /// <summary>The initial conference's date: the plan's start and the date review conferences count from.</summary>
    public DateOnly StartedOn { get; private set; }

    public string InitialCategory { get; private init; }

    /// <summary>
    /// Child protection plans the child had under other councils before this one, in total, as the initial conference
    /// was told (a child transferred in, or whose history is in another council's records). Plans recorded here are
    /// never entered again: <see cref="NumberOfPreviousPlans"/> counts them.
    /// </summary>
    public int PreviousPlansElsewhere { get; private init; }

    public string LatestCategory { get; private set; }

    /// <summary>
    /// The latest category of abuse as it stood at the end of <paramref name="date"/> (the CIN census reads it as at 31
    /// March): the category the last review conference held by then continued the plan under, else the initial one. A
    /// review held by then that kept no category (recorded before reviews kept theirs) leaves the plan's latest category
    /// now, the best the record holds.
    /// </summary>
    public static string CategoryOn(DateOnly date, string initialCategory, string latestCategory, IEnumerable<(DateOnly HeldOn, bool PlanContinues, string? Category)> reviews)
    {
        var held = reviews.Where(r => r.HeldOn <= date && r.PlanContinues).OrderBy(r => r.HeldOn).ToList();
        return held.Count == 0 ? initialCategory : held[^1].Category ?? latestCategory;
    }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>How the plan ended: at a review conference, or outside one for a reason life gave (not a census code).</summary>
    public ChildProtectionPlanEnd? EndedBy { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>
    /// The CIN census's NumberOfPreviousCPP for this plan: the child's plans recorded here that started before it, and
    /// the plans under other councils the conferences were told of. Each conference gives the total elsewhere up to its
    /// own plan, so the largest of this plan's and the earlier plans' figures is taken, never their sum (the same
    /// history told twice is counted once).
    /// </summary>
    public int NumberOfPreviousPlans(IEnumerable<ChildProtectionPlan> childsPlans)
    {
        ArgumentNullException.ThrowIfNull(childsPlans);
        return CountPreviousPlans(StartedOn, PreviousPlansElsewhere, childsPlans.Where(p => p.Id != Id && p.ChildId == ChildId).Select(p => (p.StartedOn, p.PreviousPlansElsewhere)));
    }

    /// <summary>
    /// <see cref="NumberOfPreviousPlans"/> from the figures alone, for a reader that has the child's plans as rows: a plan
    /// starting on <paramref name="startedOn"/> with <paramref name="elsewhere"/> told at its conference, beside the child's
    /// other plans.
    /// </summary>
    public static int CountPreviousPlans(DateOnly startedOn, int elsewhere, IEnumerable<(DateOnly StartedOn, int Elsewhere)> otherPlans)
    {
        var earlier = otherPlans.Where(p => p.StartedOn < startedOn).ToList();
        return earlier.Count + Math.Max(elsewhere, earlier.Select(p => p.Elsewhere).DefaultIfEmpty(0).Max());
    }

    public IReadOnlyList<CoreGroup> CoreGroups => coreGroups;

    public IReadOnlyList<CpReview> Reviews => reviews;

    public IReadOnlyList<CpVisit> Visits => visits;

    public DateOnly? LatestReview => reviews.Count == 0 ? null : reviews.Max(r => r.HeldOn);

    public DateOnly? LatestVisitSeen => visits.Where(v => v.ChildSeen).Select(v => (DateOnly?)v.VisitedOn).Max();

    public CoreGroup RecordCoreGroup(DateOnly heldOn, DateOnly today)
    {
        WithinPlan(heldOn, today, "HeldOn", "The core group");
        var group = new CoreGroup(Id, heldOn);
        coreGroups.Add(group);
        return group;
    }

    public CpVisit RecordVisit(DateOnly visitedOn, bool childSeen, bool seenAlone, DateOnly today, Guid? recordedById = null)
    {
        WithinPlan(visitedOn, today, "VisitedOn", "The visit");
        if (seenAlone && !childSeen)
        {
            throw new DomainRuleException("A child seen alone was seen: tick both, or neither", "SeenAlone");
        }

        var visit = new CpVisit(Id, visitedOn, childSeen, seenAlone, recordedById, today);
        visits.Add(visit);
        return visit;
    }

    /// <summary>The reviewing officer records a review conference: the plan continues (with its latest category) or ends that day.</summary>
    public CpReview RecordReview(DateOnly heldOn, bool planContinues, string? latestCategory, string? decision, Guid chairId, DateOnly today, Guid? recordedById = null)
    {
        WithinPlan(heldOn, today, "HeldOn", "The review conference");
        ConferenceDate.EnsureWeekday(heldOn, "HeldOn", "The review conference");
        if (heldOn == StartedOn)
        {
            throw new DomainRuleException("A review conference cannot be on the day of the initial conference", "HeldOn");
        }

        if (reviews.Any(r => r.HeldOn == heldOn))
        {
            throw new DomainRuleException("A review conference is already recorded on that date", "HeldOn");
        }

        if (string.IsNullOrWhiteSpace(decision))
        {
            throw new DomainRuleException("Summarise what the conference decided", "Decision");
        }

        if (planContinues)
        {
            if (string.IsNullOrWhiteSpace(latestCategory) || DfeCodes.CategoryOfAbuse.Find(latestCategory) is null)
            {
                throw new DomainRuleException("Select the category of abuse the plan continues under", "LatestCategory");
            }

            LatestCategory = latestCategory;
        }

        var review = new CpReview(Id, heldOn, planContinues, planContinues ? latestCategory : null, decision.Trim(), chairId, recordedById ?? chairId, today);
        reviews.Add(review);
        if (!planContinues)
        {
            EndedOn = heldOn;
            EndReason = "Ended at the review conference: " + decision.Trim();
            EndedBy = ChildProtectionPlanEnd.ReviewConference;
        }

        return review;
    }

    /// <summary>
    /// The initial conference that made the plan was corrected to another day: the plan starts that day (CIN rule 2885),
    /// still before anything recorded on it (core groups, visits, reviews) and before its end, and never overlapping an
    /// earlier plan (8940, checked by the caller with the child's other plans).
    /// </summary>
    public void FollowConference(DateOnly conferenceOn)
    {
        var first = coreGroups.Select(g => g.HeldOn).Concat(visits.Select(v => v.VisitedOn)).Select(d => (DateOnly?)d).Min();
        if (first is { } earliest && conferenceOn > earliest)
        {
            throw new DomainRuleException($"The plan has a core group or visit on {earliest:d MMMM yyyy}: the conference that made it cannot be after that", "HeldOn");
        }

        if (reviews.Count > 0 && conferenceOn >= reviews.Min(r => r.HeldOn))
        {
            throw new DomainRuleException($"The plan's first review conference was on {reviews.Min(r => r.HeldOn):d MMMM yyyy}: the initial conference must be before it", "HeldOn");
        }

        if (EndedOn is { } ended && conferenceOn >= ended)
        {
            throw new DomainRuleException($"The plan ended on {ended:d MMMM yyyy}: the conference that made it must be before that (CIN rule 8840)", "HeldOn");
        }

        StartedOn = conferenceOn;
    }

    /// <summary>Corrects the date of a visit recorded wrongly: within the plan (after its start, not after its end) and not in the future. Returns the date it replaces.</summary>
    public DateOnly CorrectVisitDate(Guid visitId, DateOnly visitedOn, DateOnly today)
    {
        var visit = visits.SingleOrDefault(v => v.Id == visitId) ?? throw new DomainRuleException("The visit is not on this plan", "HeldOn");
        if (visitedOn == visit.VisitedOn)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (visitedOn < StartedOn)
        {
            throw new DomainRuleException($"The visit cannot be before the plan started, {StartedOn:d MMMM yyyy}", "HeldOn");
        }

        if (visitedOn > today)
        {
            throw new DomainRuleException("The date must be today or in the past", "HeldOn");
        }

        if (EndedOn is { } ended && visitedOn > ended)
        {
            throw new DomainRuleException($"The visit cannot be after the plan ended, {ended:d MMMM yyyy}", "HeldOn");
        }

        var old = visit.VisitedOn;
        visit.Redate(visitedOn);
        return old;
    }

    /// <summary>
    /// Corrects the date of a review conference recorded wrongly: the rules it was recorded under (after the initial
    /// conference, a weekday (CIN rule 8875), one a day, not in the future) and in its place among the plan's reviews. A
    /// review that ended the plan moves the plan's end with it, never before a visit or core group recorded on the plan.
    /// Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectReviewDate(Guid reviewId, DateOnly heldOn, DateOnly today)
    {
        var review = reviews.SingleOrDefault(r => r.Id == reviewId) ?? throw new DomainRuleException("The review conference is not on this plan", "HeldOn");
        Correction.KeepsItsPlace(reviews.Select(r => (r.Id, r.HeldOn)), reviewId, heldOn, "review conference");
        if (heldOn <= StartedOn)
        {
            throw new DomainRuleException($"A review conference must be after the initial conference, {StartedOn:d MMMM yyyy}", "HeldOn");
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("The date must be today or in the past", "HeldOn");
        }

        ConferenceDate.EnsureWeekday(heldOn, "HeldOn", "The review conference");
        if (review.PlanContinues && EndedOn is { } ended && heldOn > ended)
        {
            throw new DomainRuleException($"The review conference cannot be after the plan ended, {ended:d MMMM yyyy}", "HeldOn");
        }

        if (!review.PlanContinues)
        {
            var lastRecorded = visits.Select(v => v.VisitedOn).Concat(coreGroups.Select(g => g.HeldOn)).Select(d => (DateOnly?)d).Max();
            if (lastRecorded is { } last && heldOn < last)
            {
                throw new DomainRuleException($"This review ended the plan, and the plan has a visit or core group on {last:d MMMM yyyy}: the corrected date cannot be before it", "HeldOn");
            }

            EndedOn = heldOn;
        }

        var old = review.HeldOn;
        review.Redate(heldOn);
        return old;
    }

    /// <summary>
    /// The plan ends outside a review conference, for a reason life gave: the child died, moved to another council,
    /// turned 18, was adopted, or became looked after where local policy ends the plan. Not on the day it started
    /// (CIN rule 8840), not before its last core group, review or visit, not in the future; "turned 18" not before the
    /// child's 18th birthday.
    /// </summary>
    public void EndOutsideConference(DateOnly endedOn, ChildProtectionPlanEnd? reason, string? details, DateOnly? dateOfBirth, DateOnly today)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("The plan has already ended", "EndedOn");
        }

        if (reason is not { } why || !ChildProtectionPlanEndText.OutsideConference.Contains(why))
        {
            throw new DomainRuleException("Select why the plan is ending", "Reason");
        }

        if (endedOn <= StartedOn)
        {
            throw new DomainRuleException($"The plan cannot end on or before the day it started, {StartedOn:d MMMM yyyy} (CIN rule 8840)", "EndedOn");
        }

        var last = new[] { LatestReview, coreGroups.Count == 0 ? null : coreGroups.Max(g => (DateOnly?)g.HeldOn), visits.Count == 0 ? null : visits.Max(v => (DateOnly?)v.VisitedOn) }.Max();
        if (last is { } l && endedOn < l)
        {
            throw new DomainRuleException($"The end date cannot be before the last core group, review or visit, {l:d MMMM yyyy}", "EndedOn");
        }

        if (endedOn > today)
        {
            throw new DomainRuleException("The date must be today or in the past", "EndedOn");
        }

        if (why == ChildProtectionPlanEnd.Turned18)
        {
            if (dateOfBirth is not { } born)
            {
                throw new DomainRuleException("The child's date of birth is not recorded: record it before ending the plan because they turned 18", "Reason");
            }

            if (endedOn < born.AddYears(18))
            {
                throw new DomainRuleException($"The child turns 18 on {born.AddYears(18):d MMMM yyyy}: the plan cannot end for that reason before then", "EndedOn");
            }
        }

        if (string.IsNullOrWhiteSpace(details))
        {
            throw new DomainRuleException("Say what happened and who was told", "Details");
        }

        EndedOn = endedOn;
        EndedBy = why;
        EndReason = why.Describe() + ": " + details.Trim();
    }

    private void WithinPlan(DateOnly on, DateOnly today, string field, string what)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("The plan has ended", field);
        }

        if (on < StartedOn)
        {
            throw new DomainRuleException($"{what} cannot be before the plan started, {StartedOn:d MMMM yyyy}", field);
        }

        if (on > today)
        {
            throw new DomainRuleException("The date must be today or in the past", field);
        }
    }
}

public sealed class CoreGroup : IPartOf<ChildProtectionPlan>
{
    private CoreGroup()
    {
    }

    internal CoreGroup(Guid planId, DateOnly heldOn)
    {
        PlanId = planId;
        HeldOn = heldOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public DateOnly HeldOn { get; private init; }
}

public sealed class CpReview : IPartOf<ChildProtectionPlan>
{
    private CpReview()
    {
        Decision = string.Empty;
    }

    internal CpReview(Guid planId, DateOnly heldOn, bool planContinues, string? category, string decision, Guid chairId, Guid recordedById, DateOnly recordedOn)
    {
        PlanId = planId;
        HeldOn = heldOn;
        PlanContinues = planContinues;
        Category = category;
        Decision = decision;
        ChairId = chairId;
        RecordedById = recordedById;
        RecordedOn = recordedOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public DateOnly HeldOn { get; private set; }

    public bool PlanContinues { get; private init; }

    /// <summary>
    /// The category of abuse the plan continues under from this review (none when the review ended the plan, and on
    /// reviews recorded before it was kept), so the latest category on any past date can be read back
    /// (<see cref="ChildProtectionPlan.CategoryOn"/>).
    /// </summary>
    public string? Category { get; private init; }

    public string Decision { get; private init; }

    public Guid ChairId { get; private init; }

    /// <summary>Who recorded it (the chair, on reviews recorded before this was kept) and the day they did.</summary>
    public Guid? RecordedById { get; private init; }

    public DateOnly? RecordedOn { get; private init; }

    internal void Redate(DateOnly heldOn) => HeldOn = heldOn;
}

public sealed class CpVisit : IPartOf<ChildProtectionPlan>
{
    private CpVisit()
    {
    }

    internal CpVisit(Guid planId, DateOnly visitedOn, bool childSeen, bool seenAlone, Guid? recordedById, DateOnly recordedOn)
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
