using ChildrenServices.Domain.Recording;
using System.Globalization;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// One period of being looked after (SSDA903): from the day the child started to be looked after
/// to the day they stopped, as a chain of episodes, each with one legal status and one placement.
/// The worker records what happened — an interim care order was granted, the child moved to new
/// carers — and the period builds the episodes and their SSDA903 codes from it. Reviews, visits and
/// missing episodes belong to the period too, because every rule about them needs its dates.
/// </summary>
/// <remarks>
/// Rules the DfE validates on the return are refused here, when the worker can still fix them;
/// docs/looked-after.md lists each rule with its DfE number.
/// </remarks>
public sealed class PeriodOfCare : Aggregate
{
    /// <summary>No episode may start before the Children Act 1989 came into force (DfE rule 353).</summary>
    public static readonly DateOnly EarliestStart = new(1991, 10, 14);

    /// <summary>The collection year (2025/26) whose rule 218 lists the placement types that need an Ofsted URN.</summary>
    private const int FirstYearUrnRequired = 2026;

    private const string Started = "S";
    private const string NextEpisodeBegins = "X1";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private readonly List<CareEpisode> episodes = [];
    private readonly List<ClaReview> reviews = [];
    private readonly List<ClaVisit> visits = [];
    private readonly List<MissingEpisode> missingEpisodes = [];
    private readonly List<DeprivationOfLibertyOrder> libertyOrders = [];

    private PeriodOfCare()
    {
        CategoryOfNeed = string.Empty;
    }

    private PeriodOfCare(Guid childId, DateOnly startedOn, string categoryOfNeed)
    {
        ChildId = childId;
        StartedOn = startedOn;
        CategoryOfNeed = categoryOfNeed;
    }

    public Guid ChildId { get; private init; }

    /// <summary>The day the child started to be looked after: the first episode's start.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>CIN category of need (N1 … N8), the same for every episode (rule 504).</summary>
    public string CategoryOfNeed { get; private init; }

    /// <summary>The day the child stopped being looked after.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Why the child stopped being looked after (an SSDA903 reason episode ceased other than X1).</summary>
    public string? ReasonCeased { get; private set; }

    /// <summary>Who recorded the end of care, and on what day: they may correct its date within a week (ADR 0029).</summary>
    public Guid? EndRecordedById { get; private set; }

    public DateOnly? EndRecordedOn { get; private set; }

    /// <summary>The postcode of the child's home when this period of care started (SSDA903 HOME_POST).</summary>
    public string? HomePostcode { get; private init; }

    /// <summary>SSDA903 PrevPerm: asked when care starts from 1 April 2016; none for earlier starts (rule 634).</summary>
    public PreviousPermanence? PreviousPermanence =>
        PreviousPermanenceOption is { } option ? new PreviousPermanence(option, PreviousPermanenceLocalAuthority, PermanenceOrderYear, PermanenceOrderMonth, PermanenceOrderDay) : null;

    public string? PreviousPermanenceOption { get; private set; }

    public string? PreviousPermanenceLocalAuthority { get; private set; }

    public int? PermanenceOrderYear { get; private set; }

    public int? PermanenceOrderMonth { get; private set; }

    public int? PermanenceOrderDay { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>The episodes in order: each ends the day the next starts, the last ends with the period.</summary>
    public IReadOnlyList<CareEpisode> Episodes => [.. episodes.OrderBy(e => e.StartedOn)];

    /// <summary>The latest episode: the child's legal status and placement now (or when care ended).</summary>
    public CareEpisode CurrentEpisode => episodes.MaxBy(e => e.StartedOn)!;

    public IReadOnlyList<ClaReview> Reviews => [.. reviews.OrderBy(r => r.HeldOn)];

    public IReadOnlyList<ClaVisit> Visits => [.. visits.OrderBy(v => v.VisitedOn)];

    /// <summary>Deprivation of liberty orders made while the child was looked after in this period (SSDA903 DoLo, 2026/27).</summary>
    public IReadOnlyList<DeprivationOfLibertyOrder> DeprivationOfLibertyOrders => [.. libertyOrders.OrderBy(o => o.StartedOn)];

    public IReadOnlyList<MissingEpisode> MissingEpisodes => [.. missingEpisodes.OrderBy(m => m.StartedOn)];

    /// <summary>
    /// The child starts to be looked after: the first episode, reason for new episode S.
    /// </summary>
    /// <param name="dateOfBirth">The child's date of birth, when known (an age-disputed child may have none).</param>
    /// <param name="homePostcode">
    /// The postcode of the child's home when care started (SSDA903 HOME_POST), when there is one: the same as the placement's
    /// only for a child placed with parents (rule 392d).
    /// </param>
    /// <param name="previousPermanence">Whether the child left care before through adoption, an SGO or a child arrangements order (rules 630–635).</param>
    public static PeriodOfCare Start(Guid childId, DateOnly startedOn, string legalStatus, string categoryOfNeed, Placement placement, DateOnly? dateOfBirth, DateOnly today, string? homePostcode = null, PreviousPermanence? previousPermanence = null, Guid? recordedById = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var home = Placement.TidyPostcode(homePostcode, "HomePostcode");
        if (home is not null && home == placement.Postcode && placement.Type != "P1")
        {
            throw new DomainRuleException("The home and placement postcodes are the same: that is only so for a child placed with parents (P1) (DfE rule 392d)", "HomePostcode");
        }

        if (startedOn > today)
        {
            throw new DomainRuleException("The date the child started to be looked after must be today or in the past", "StartedOn");
        }

        if (startedOn < EarliestStart)
        {
            throw new DomainRuleException($"The date the child started to be looked after cannot be before {Day(EarliestStart)}, when the Children Act 1989 came into force (DfE rule 353)", "StartedOn");
        }

        if (dateOfBirth is { } born && startedOn < born)
        {
            throw new DomainRuleException($"The date the child started to be looked after cannot be before their date of birth, {Day(born)} (DfE rule 302)", "StartedOn");
        }

        if (dateOfBirth is { } birth && startedOn >= birth.AddYears(18))
        {
            throw new DomainRuleException("A child cannot start to be looked after on or after their 18th birthday (DfE rule 352)", "StartedOn");
        }

        legalStatus = CheckLegalStatus(legalStatus);
        categoryOfNeed = Normalise(categoryOfNeed);
        if (categoryOfNeed.Length == 0)
        {
            throw new DomainRuleException("Select the category of need", "CategoryOfNeed");
        }

        if (!Ssda903Codes.CategoryOfNeed.Contains(categoryOfNeed))
        {
            throw new DomainRuleException($"'{categoryOfNeed}' is not an SSDA903 category of need", "CategoryOfNeed");
        }

        if (placement.IsTemporary)
        {
            throw new DomainRuleException("A period of care cannot start with a temporary placement (DfE rule 380)", "PlacementType");
        }

        CheckNewPlacement(startedOn, legalStatus, placement);
        CheckAgeForPlacement(startedOn, placement, dateOfBirth);
        CheckCombination(legalStatus, placement, changing: "LegalStatus");

        if (previousPermanence is not null)
        {
            if (startedOn < PreviousPermanence.AskedFrom)
            {
                throw new DomainRuleException("Previous permanence is only recorded for care that started on or after 1 April 2016 (DfE rule 634)", "PreviousPermanence");
            }

            previousPermanence.CheckBefore(startedOn);
        }

        var period = new PeriodOfCare(childId, startedOn, categoryOfNeed)
        {
            HomePostcode = home,
            PreviousPermanenceOption = previousPermanence?.Option,
            PreviousPermanenceLocalAuthority = previousPermanence?.LocalAuthority,
            PermanenceOrderYear = previousPermanence?.OrderYear,
            PermanenceOrderMonth = previousPermanence?.OrderMonth,
            PermanenceOrderDay = previousPermanence?.OrderDay,
        };
        period.episodes.Add(new CareEpisode(period.Id, startedOn, Started, legalStatus, categoryOfNeed, placement, By(recordedById, today)));
        return period;
    }

    /// <summary>
    /// Previous permanence learned or corrected after care started (often only known once the child's history is
    /// gathered): the same rules as at the start (630-635), for a period that started on or after 1 April 2016 (634).
    /// </summary>
    public void ChangePreviousPermanence(PreviousPermanence value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (StartedOn < LookedAfter.PreviousPermanence.AskedFrom)
        {
            throw new DomainRuleException("Previous permanence is only recorded for care that started on or after 1 April 2016 (DfE rule 634)", "PreviousPermanence");
        }

        value.CheckBefore(StartedOn);
        PreviousPermanenceOption = value.Option;
        PreviousPermanenceLocalAuthority = value.LocalAuthority;
        PermanenceOrderYear = value.OrderYear;
        PermanenceOrderMonth = value.OrderMonth;
        PermanenceOrderDay = value.OrderDay;
    }

    /// <summary>A court or the law changed the child's legal status; the child stays where they are (RNE L).</summary>
    /// <returns>The episode the child is in after the change.</returns>
    public CareEpisode ChangeLegalStatus(DateOnly on, string legalStatus, DateOnly today, Guid? recordedById = null)
    {
        CheckChange(on, today);
        legalStatus = CheckLegalStatus(legalStatus);
        var current = CurrentEpisode;
        if (legalStatus == current.LegalStatus)
        {
            throw new DomainRuleException($"The child's legal status is already {legalStatus} ({Ssda903Codes.LegalStatus.DescriptionOf(legalStatus)})", "LegalStatus");
        }

        CheckCombination(legalStatus, current.Placement, changing: "LegalStatus");
        return Apply(on, legalStatus, current.Placement, placementChanged: false, carerChanged: false, By(recordedById, today));
    }

    /// <summary>
    /// The child moved placement: to new carers (RNE P) or with the same carers — a new home,
    /// a new provider, a new placement type (RNE T).
    /// </summary>
    /// <returns>The episode the child is in after the change.</returns>
    /// <param name="reasonForChange">
    /// Why the child left the placement (SSDA903 REASON_PLACE_CHANGE): needed for every move but one into or back
    /// from a temporary placement.
    /// </param>
    /// <param name="dateOfBirth">The child's date of birth, when known: a child under 10 is not moved into custody (rule 234).</param>
    public CareEpisode ChangePlacement(DateOnly on, Placement placement, bool sameCarer, DateOnly today, string? reasonForChange = null, DateOnly? dateOfBirth = null, Guid? recordedById = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        CheckChange(on, today);
        var current = CurrentEpisode;
        CheckPlacementChanged(current.Placement, placement, sameCarer);
        CheckNewPlacement(on, current.LegalStatus, placement);
        CheckCombination(current.LegalStatus, placement, changing: "PlacementType");
        return Move(on, current.LegalStatus, placement, sameCarer, reasonForChange, dateOfBirth, By(recordedById, today));
    }

    /// <summary>
    /// The legal status and the placement changed on the same day, with new carers (RNE B) or the
    /// same carers (RNE U). The two need not be connected: the code only says both happened that day.
    /// </summary>
    /// <returns>The episode the child is in after the change.</returns>
    /// <param name="reasonForChange">Why the child left the placement, as for <see cref="ChangePlacement"/>.</param>
    /// <param name="dateOfBirth">The child's date of birth, when known (rule 234).</param>
    public CareEpisode ChangeLegalStatusAndPlacement(DateOnly on, string legalStatus, Placement placement, bool sameCarer, DateOnly today, string? reasonForChange = null, DateOnly? dateOfBirth = null, Guid? recordedById = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        CheckChange(on, today);
        legalStatus = CheckLegalStatus(legalStatus);
        var current = CurrentEpisode;
        if (legalStatus == current.LegalStatus)
        {
            throw new DomainRuleException($"The child's legal status is already {legalStatus}: record a change of placement only", "LegalStatus");
        }

        CheckPlacementChanged(current.Placement, placement, sameCarer);
        CheckNewPlacement(on, legalStatus, placement);
        CheckCombination(legalStatus, placement, changing: "LegalStatus");
        return Move(on, legalStatus, placement, sameCarer, reasonForChange, dateOfBirth, By(recordedById, today));
    }

    /// <summary>
    /// The carer's assessment or approval that the placement was made before is complete: the parent's assessment
    /// (regulation 19) or the connected person's approval as a foster carer (regulations 24 and 25). The child's visits
    /// follow regulation 28(2), or (5) under a care order, from then. Not an SSDA903 change, so no new episode.
    /// </summary>
    public void CompleteApproval(DateOnly on, DateOnly today)
    {
        EnsureOpen();
        var current = CurrentEpisode;
        if (current.Placement.Approval == PlacementApproval.Approved)
        {
            throw new DomainRuleException("The child's placement was not made before an assessment or approval: there is nothing to complete", "CompletedOn");
        }

        var placementStart = episodes.Where(e => e.ReasonForNewEpisode != "L").Max(e => e.StartedOn);
        if (on > today)
        {
            throw new DomainRuleException("The date the assessment or approval was completed must be today or in the past", "CompletedOn");
        }

        if (on < placementStart)
        {
            throw new DomainRuleException($"The date the assessment or approval was completed cannot be before the placement began, on {Day(placementStart)}", "CompletedOn");
        }

        current.CompleteApproval(on);
    }

    /// <summary>The child stopped being looked after: the last episode and the period end, with the reason.</summary>
    /// <remarks>
    /// An episode cannot start and end on the same day (DfE rule 355), so if care ends on the day of
    /// the last change, that change never made an episode: it is dropped and the episode before it ends.
    /// </remarks>
    public void End(DateOnly on, string reasonCeased, DateOnly today, Guid? recordedById = null)
    {
        EnsureOpen();
        reasonCeased = Normalise(reasonCeased);
        if (reasonCeased.Length == 0)
        {
            throw new DomainRuleException("Select why the child stopped being looked after", "ReasonCeased");
        }

        if (!Ssda903Codes.ReasonEpisodeCeased.Contains(reasonCeased))
        {
            throw new DomainRuleException($"'{reasonCeased}' is not an SSDA903 reason episode ceased", "ReasonCeased");
        }

        if (reasonCeased == NextEpisodeBegins)
        {
            throw new DomainRuleException("X1 means another episode follows: select why the child stopped being looked after (DfE rule 388)", "ReasonCeased");
        }

        if (on > today)
        {
            throw new DomainRuleException("The date the child stopped being looked after must be today or in the past", "EndedOn");
        }

        var ordered = Episodes;
        var current = ordered[^1];
        if (on < current.StartedOn)
        {
            throw new DomainRuleException($"The date the child stopped being looked after cannot be before the current episode started, on {Day(current.StartedOn)}", "EndedOn");
        }

        var droppingSameDayEpisode = on == current.StartedOn;
        if (droppingSameDayEpisode && ordered.Count == 1)
        {
            throw new DomainRuleException("A period of care must last at least a day: it cannot end on the day it started (DfE rule 355)", "EndedOn");
        }

        var last = droppingSameDayEpisode ? ordered[^2] : current;
        if (last.Placement.IsTemporary)
        {
            throw new DomainRuleException($"A period of care cannot end in a temporary placement ({last.Placement.Type}): record the child's return to their usual placement first (DfE rule 381)", "EndedOn");
        }

        if (reasonCeased is "E11" or "E12" && !last.Placement.IsPlacedForAdoption)
        {
            throw new DomainRuleException($"A child can only be adopted ({reasonCeased}) from a placement for adoption (A3 to A6); the placement is {last.Placement.Type} (DfE rule 390)", "ReasonCeased");
        }

        if (reasonCeased is "E45" or "E46" && !last.Placement.IsFosterPlacement)
        {
            throw new DomainRuleException($"A special guardianship order to former foster carers ({reasonCeased}) needs a foster placement (U1 to U6); the placement is {last.Placement.Type} (DfE rule 516)", "ReasonCeased");
        }

        if (libertyOrders.FirstOrDefault(o => o.IsOpen) is { } inForce)
        {
            throw new DomainRuleException($"A deprivation of liberty order is recorded as in force since {Day(inForce.StartedOn)}: record when it ended before ending care (DfE rule 707)", "EndedOn");
        }

        if (missingEpisodes.FirstOrDefault(m => m.IsOpen) is { } stillMissing)
        {
            throw new DomainRuleException($"The child is recorded as missing or away since {Day(stillMissing.StartedOn)}: record when that ended before ending care (DfE rule 577)", "EndedOn");
        }

        CheckNothingAfter(on, "EndedOn");

        if (droppingSameDayEpisode)
        {
            episodes.Remove(current);
            last.SetReasonForPlacementChange(null);
        }

        last.End(on, reasonCeased);
        EndedOn = on;
        ReasonCeased = reasonCeased;
        (EndRecordedById, EndRecordedOn) = (recordedById, recordedById is null ? null : today);
    }

    /// <summary>
    /// Corrects the day the child stopped being looked after, recorded wrongly: after the last episode began (an episode
    /// lasts at least a day, DfE rule 355), not after anything recorded in the period, not in the future, and before any
    /// later period of care began (a new period never starts on the day the last ended, rule 431). The last episode ends
    /// that day too. Returns the date it replaces.
    /// </summary>
    /// <param name="nextPeriodStartedOn">When the child's next period of care began, if there is one.</param>
    public DateOnly CorrectEndDate(DateOnly endedOn, DateOnly today, DateOnly? nextPeriodStartedOn = null)
    {
        if (EndedOn is not { } old)
        {
            throw new DomainRuleException("The child is still looked after: there is no end of care to correct", "HeldOn");
        }

        if (endedOn == old)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (endedOn > today)
        {
            throw new DomainRuleException("The date the child stopped being looked after must be today or in the past", "HeldOn");
        }

        var last = CurrentEpisode;
        if (endedOn <= last.StartedOn)
        {
            throw new DomainRuleException($"The last episode began on {Day(last.StartedOn)}: the corrected date must be after it, as an episode lasts at least a day (DfE rule 355)", "HeldOn");
        }

        if (nextPeriodStartedOn is { } next && endedOn >= next)
        {
            throw new DomainRuleException($"The child's next period of care began on {Day(next)}: this one must end before that day (SSDA903 rule 431)", "HeldOn");
        }

        CheckNothingAfter(endedOn, "HeldOn");
        last.MoveEnd(endedOn);
        EndedOn = endedOn;
        return old;
    }

    /// <summary>Care cannot end before anything recorded in the period.</summary>
    private void CheckNothingAfter(DateOnly on, string field)
    {
        var later = reviews.Select(r => r.HeldOn)
            .Concat(visits.Select(v => v.VisitedOn))
            .Concat(missingEpisodes.Select(m => m.EndedOn ?? m.StartedOn))
            .Concat(libertyOrders.Select(o => o.EndedOn ?? o.StartedOn))
            .Where(d => d > on)
            .ToList();
        if (later.Count > 0)
        {
            throw new DomainRuleException($"A review, visit, missing episode or deprivation of liberty order is recorded on {Day(later.Min())}, after that date", field);
        }
    }

    /// <summary>Placement types a child under a deprivation of liberty order cannot be in (DfE rule 710).</summary>
    private static readonly IReadOnlySet<string> NotUnderLibertyOrder = new HashSet<string>(StringComparer.Ordinal) { "K1", "P1", "R5", "K3" };

    /// <summary>
    /// A deprivation of liberty order for the child was made (SSDA903 DoLo, 2026/27). It falls within the period of
    /// care, ends no earlier than it starts (rule 702), overlaps no other order and none starts while another is in
    /// force (rule 705); the child cannot be in a secure children's home, with parents, in a young offender
    /// institution or in supported accommodation while it is in force (rule 710).
    /// </summary>
    public DeprivationOfLibertyOrder RecordDeprivationOfLiberty(DateOnly startedOn, DateOnly? endedOn, DateOnly today)
    {
        CheckWithinPeriod(startedOn, today, "The date the order was made", "StartedOn");
        if (endedOn is { } end)
        {
            if (end < startedOn)
            {
                throw new DomainRuleException($"The date the order ended cannot be before it was made, on {Day(startedOn)} (DfE rule 702)", "EndedOn");
            }

            CheckWithinPeriod(end, today, "The date the order ended", "EndedOn");
        }

        var clash = libertyOrders.FirstOrDefault(o => o.Covers(startedOn, endedOn));
        if (clash is not null)
        {
            throw new DomainRuleException(
                clash.IsOpen
                    ? $"An order is already recorded as in force since {Day(clash.StartedOn)}: record when it ended first (DfE rule 705)"
                    : $"This overlaps the order in force from {Day(clash.StartedOn)} to {Day(clash.EndedOn!.Value)} (DfE rule 705)",
                "StartedOn");
        }

        CheckPlacementsUnderOrder(startedOn, endedOn, "StartedOn");
        var order = new DeprivationOfLibertyOrder(Id, startedOn, endedOn);
        libertyOrders.Add(order);
        return order;
    }

    /// <summary>The order in force ended (expired, was discharged or was not renewed).</summary>
    public void RecordDeprivationOfLibertyEnded(Guid orderId, DateOnly endedOn, DateOnly today)
    {
        var order = libertyOrders.SingleOrDefault(o => o.Id == orderId)
            ?? throw new DomainRuleException("That deprivation of liberty order is not part of this period of care", "OrderId");
        if (!order.IsOpen)
        {
            throw new DomainRuleException($"The order made on {Day(order.StartedOn)} is already recorded as ended on {Day(order.EndedOn!.Value)}", "EndedOn");
        }

        if (endedOn < order.StartedOn)
        {
            throw new DomainRuleException($"The date the order ended cannot be before it was made, on {Day(order.StartedOn)} (DfE rule 702)", "EndedOn");
        }

        CheckWithinPeriod(endedOn, today, "The date the order ended", "EndedOn");
        order.End(endedOn);
    }

    private void CheckPlacementsUnderOrder(DateOnly from, DateOnly? to, string field)
    {
        var refused = episodes.FirstOrDefault(e => NotUnderLibertyOrder.Contains(e.Placement.Type)
            && e.StartedOn <= (to ?? DateOnly.MaxValue) && from < (e.EndedOn ?? DateOnly.MaxValue));
        if (refused is not null)
        {
            throw new DomainRuleException($"{LibertyOrderRefusal(refused.Placement.Type)}, and the child was in one ({refused.Placement.Carer}) while this order was in force (DfE rule 710)", field);
        }
    }

    private static string LibertyOrderRefusal(string type) => type switch
    {
        "K1" => "A child under a deprivation of liberty order cannot be placed in a secure children's home (K1)",
        "P1" => "A child under a deprivation of liberty order cannot be placed with parents (P1)",
        "R5" => "A child under a deprivation of liberty order cannot be placed in a young offender institution (R5)",
        _ => "A child under a deprivation of liberty order cannot be placed in supported accommodation (K3)",
    };

    /// <summary>Text limits for what a review decided.</summary>
    public const int ReviewTextLimit = 10_000;

    /// <summary>The age from which participation code PN0 ("child aged under 4") no longer applies (DfE rules 440 and 441).</summary>
    public const int ParticipationAge = 4;

    /// <summary>
    /// A looked-after child review took place (regulation 33). With the child's date of birth the
    /// participation code is checked against their age on the day (DfE rules 440 and 441): PN0 for a
    /// child under 4, one of PN1–PN7 from 4. With an outcome, the review records what it decided and
    /// follows up every recommendation of the review before it.
    /// </summary>
    public ClaReview RecordReview(DateOnly heldOn, string participationCode, Guid reviewingOfficerId, DateOnly today, DateOnly? dateOfBirth = null, ReviewOutcome? outcome = null, Guid? recordedById = null)
    {
        participationCode = Normalise(participationCode);
        if (participationCode.Length == 0)
        {
            throw new DomainRuleException("Select how the child took part in the review", "ParticipationCode");
        }

        if (!Ssda903Codes.ReviewParticipation.Contains(participationCode))
        {
            throw new DomainRuleException($"'{participationCode}' is not an SSDA903 review participation code", "ParticipationCode");
        }

        if (reviewingOfficerId == Guid.Empty)
        {
            throw new DomainRuleException("Select the independent reviewing officer", "ReviewingOfficerId");
        }

        CheckWithinPeriod(heldOn, today, "The date of the review", "HeldOn");
        if (reviews.Any(r => r.HeldOn == heldOn))
        {
            throw new DomainRuleException($"A review on {Day(heldOn)} is already recorded", "HeldOn");
        }

        if (dateOfBirth is { } born)
        {
            var underFour = heldOn < born.AddYears(ParticipationAge);
            if (underFour && participationCode != "PN0")
            {
                throw new DomainRuleException($"The child was under 4 on {Day(heldOn)}: select 'Child aged under 4 at the time of the review' (PN0)", "ParticipationCode");
            }

            if (!underFour && participationCode == "PN0")
            {
                throw new DomainRuleException($"The child was 4 or over on {Day(heldOn)}: PN0 is only for a child under 4, so select how they took part", "ParticipationCode");
            }
        }

        if (outcome is not null)
        {
            CheckOutcome(heldOn, outcome);
        }

        var review = new ClaReview(Id, heldOn, participationCode, reviewingOfficerId, outcome, recordedById, today);
        if (outcome is not null)
        {
            foreach (var recommendation in PreviousReview(heldOn)?.Recommendations ?? [])
            {
                recommendation.FollowUp(outcome.FollowUps[recommendation.Id], heldOn);
            }
        }

        reviews.Add(review);
        return review;
    }

    /// <summary>
    /// Corrects the date of a review recorded wrongly: within the period of care and not in the future, in its place among
    /// the period's reviews (so each still follows up the one before), and with the child's participation code still
    /// right for their age on the corrected day (DfE rules 440 and 441). Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectReviewDate(Guid reviewId, DateOnly heldOn, DateOnly today, DateOnly? dateOfBirth = null)
    {
        var review = reviews.SingleOrDefault(r => r.Id == reviewId) ?? throw new DomainRuleException("The review is not in this period of care", "HeldOn");
        Correction.KeepsItsPlace(reviews.Select(r => (r.Id, r.HeldOn)), reviewId, heldOn, "review");
        CheckWithinPeriod(heldOn, today, "The date of the review", "HeldOn");
        if (dateOfBirth is { } born && (heldOn < born.AddYears(ParticipationAge)) != (review.ParticipationCode == "PN0"))
        {
            throw new DomainRuleException($"The child's participation was recorded as {review.ParticipationCode}, which does not fit their age on {Day(heldOn)}", "HeldOn");
        }

        var old = review.HeldOn;
        review.Redate(heldOn);
        return old;
    }

    /// <summary>The review before a date: the one whose recommendations a review on that date follows up.</summary>
    public ClaReview? PreviousReview(DateOnly before) => reviews.Where(r => r.HeldOn < before).MaxBy(r => r.HeldOn);

    private void CheckOutcome(DateOnly heldOn, ReviewOutcome outcome)
    {
        CheckLength(outcome.Attendees, "Who attended", "Attendees");
        CheckLength(outcome.ChildViews, "The child's views", "ChildViews");
        CheckLength(outcome.ParentViews, "The parents' views", "ParentViews");
        if (reviews.Any(r => r.HeldOn > heldOn))
        {
            throw new DomainRuleException($"A later review, on {Day(reviews.Max(r => r.HeldOn))}, is already recorded: record this one as a case note", "HeldOn");
        }

        for (var i = 0; i < outcome.Recommendations.Count; i++)
        {
            var r = outcome.Recommendations[i];
            var field = $"Recommendations[{i}]";
            if (string.IsNullOrWhiteSpace(r.Text))
            {
                throw new DomainRuleException($"Enter recommendation {i + 1}", field + ".Text");
            }

            if (r.Text.Length > ReviewRecommendation.TextLimit)
            {
                throw new DomainRuleException($"Recommendation {i + 1} must be {ReviewRecommendation.TextLimit:N0} characters or fewer", field + ".Text");
            }

            if (string.IsNullOrWhiteSpace(r.Owner) || r.Owner.Length > ReviewRecommendation.OwnerLimit)
            {
                throw new DomainRuleException($"Enter who is responsible for recommendation {i + 1} ({ReviewRecommendation.OwnerLimit} characters or fewer)", field + ".Owner");
            }

            if (r.DueOn < heldOn)
            {
                throw new DomainRuleException($"The date for recommendation {i + 1} must be on or after the review, {Day(heldOn)}", field + ".DueOn");
            }
        }

        var previous = PreviousReview(heldOn);
        var expected = previous?.Recommendations.Select(r => r.Id).ToHashSet() ?? [];
        if (outcome.FollowUps.Keys.Any(id => !expected.Contains(id)))
        {
            throw new DomainRuleException("A recommendation followed up is not one of the last review's", "FollowUps");
        }

        foreach (var recommendation in previous?.Recommendations ?? [])
        {
            if (!outcome.FollowUps.TryGetValue(recommendation.Id, out var status) || status == RecommendationStatus.Outstanding || !Enum.IsDefined(status))
            {
                throw new DomainRuleException($"Say whether the last review's recommendation \"{Shorten(recommendation.Text)}\" was done", $"FollowUps[{recommendation.Id}]");
            }
        }

        static void CheckLength(string? text, string what, string field)
        {
            if (text?.Length > ReviewTextLimit)
            {
                throw new DomainRuleException($"{what} must be {ReviewTextLimit:N0} characters or fewer", field);
            }
        }

        static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>A statutory visit to the child took place (regulation 28).</summary>
    public ClaVisit RecordVisit(DateOnly visitedOn, bool childSeen, bool seenAlone, DateOnly today, Guid? recordedById = null)
    {
        if (seenAlone && !childSeen)
        {
            throw new DomainRuleException("A child seen alone was seen: say the child was seen, or that they were not seen alone", "SeenAlone");
        }

        CheckWithinPeriod(visitedOn, today, "The date of the visit", "VisitedOn");
        var visit = new ClaVisit(Id, visitedOn, childSeen, seenAlone, recordedById, today);
        visits.Add(visit);
        return visit;
    }

    /// <summary>Corrects the date of a visit recorded wrongly: within the period of care and not in the future. Returns the date it replaces.</summary>
    public DateOnly CorrectVisitDate(Guid visitId, DateOnly visitedOn, DateOnly today)
    {
        var visit = visits.SingleOrDefault(v => v.Id == visitId) ?? throw new DomainRuleException("The visit is not in this period of care", "HeldOn");
        if (visitedOn == visit.VisitedOn)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        CheckWithinPeriod(visitedOn, today, "The date of the visit", "HeldOn");
        var old = visit.VisitedOn;
        visit.Redate(visitedOn);
        return old;
    }

    /// <summary>
    /// Corrects the day an episode began (SSDA903 DECOM), recorded wrongly. The episode keeps its place in the chain: it
    /// begins after the episode before it and before the one after it (an episode lasts at least a day, DfE rule 355), and
    /// the episode before it now ends that day. The rules for a placement starting that day apply again (the year's
    /// placement types, the Ofsted URN, supported accommodation's age, a child under 10 not moved for custody, no
    /// deprivation of liberty order over a placement it forbids). Correcting the first episode moves the start of the
    /// period: not before the last period ended or on that day (rule 431), not after anything recorded in the period, and
    /// with the checks made when care starts. Returns the date it replaces.
    /// </summary>
    /// <param name="previousPeriodEndedOn">When the child's last period of care before this one ended, if there was one.</param>
    public DateOnly CorrectEpisodeStart(Guid episodeId, DateOnly startedOn, DateOnly today, DateOnly? dateOfBirth = null, DateOnly? previousPeriodEndedOn = null)
    {
        var ordered = Episodes;
        var index = ordered.ToList().FindIndex(e => e.Id == episodeId);
        if (index < 0)
        {
            throw new DomainRuleException("The episode is not in this period of care", "HeldOn");
        }

        var episode = ordered[index];
        var old = episode.StartedOn;
        if (startedOn == old)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (startedOn > today)
        {
            throw new DomainRuleException("The date the episode began must be today or in the past", "HeldOn");
        }

        var previous = index > 0 ? ordered[index - 1] : null;
        if (previous is not null && startedOn <= previous.StartedOn)
        {
            throw new DomainRuleException($"The episode before this one began on {Day(previous.StartedOn)}: the corrected date must be after it, as an episode lasts at least a day (DfE rule 355)", "HeldOn");
        }

        var next = index < ordered.Count - 1 ? ordered[index + 1] : null;
        if (next is not null && startedOn >= next.StartedOn)
        {
            throw new DomainRuleException($"The episode after this one began on {Day(next.StartedOn)}: the corrected date must be before it, as an episode lasts at least a day (DfE rule 355)", "HeldOn");
        }

        if (next is null && EndedOn is { } ended && startedOn >= ended)
        {
            throw new DomainRuleException($"The child stopped being looked after on {Day(ended)}: the corrected date must be before it (DfE rule 355)", "HeldOn");
        }

        if (previous is null)
        {
            CheckPeriodStart(startedOn, dateOfBirth, previousPeriodEndedOn);
        }

        // The rules for a placement starting that day apply again. They are worded for the placement form, so the
        // refusal is put on the date, the one thing this form changes.
        try
        {
            if (episode.ReasonForNewEpisode != "L")
            {
                CheckNewPlacement(startedOn, episode.LegalStatus, episode.Placement);
            }

            CheckAgeForPlacement(startedOn, episode.Placement, dateOfBirth);
            if (previous?.ReasonForPlacementChange is { } why)
            {
                CheckReasonForChange(why, startedOn, dateOfBirth);
            }
        }
        catch (DomainRuleException refused) when (refused.Field != "HeldOn")
        {
            throw new DomainRuleException($"The {episode.Placement.Type} placement would then start on {Day(startedOn)}, which the return refuses: {refused.Message}", "HeldOn");
        }

        // An approval completed in this placement cannot come before it began (later placements start later still).
        if (ordered.Skip(index).Select(e => e.ApprovalCompletedOn).Where(d => d < startedOn).Max() is { } approved)
        {
            throw new DomainRuleException($"The carer's assessment or approval is recorded as completed on {Day(approved)}, before that date: the placement cannot start after it", "HeldOn");
        }

        // Only the corrected episode and the one before it change their days. An episode ends the day the next begins,
        // so its last day in a placement is the day before (as when an order is recorded).
        foreach (var (e, from, to) in new[] { (episode, startedOn, episode.EndedOn), (previous, previous?.StartedOn ?? startedOn, (DateOnly?)startedOn) })
        {
            if (e is null || !NotUnderLibertyOrder.Contains(e.Placement.Type))
            {
                continue;
            }

            var lastDay = to?.AddDays(-1);
            if (libertyOrders.FirstOrDefault(o => o.Covers(from, lastDay)) is { } order)
            {
                throw new DomainRuleException($"{LibertyOrderRefusal(e.Placement.Type)}: a deprivation of liberty order is in force from {Day(order.StartedOn)}{(order.EndedOn is { } orderEnded ? $" to {Day(orderEnded)}" : string.Empty)}, and the corrected date would put the {e.Placement.Type} placement under it (DfE rule 710)", "HeldOn");
            }
        }

        episode.CorrectStart(startedOn);
        previous?.MoveEnd(startedOn);
        if (previous is null)
        {
            StartedOn = startedOn;
        }

        return old;
    }

    /// <summary>The checks a corrected start of the period must pass, as <see cref="Start"/> makes them, and nothing in the period before it.</summary>
    private void CheckPeriodStart(DateOnly startedOn, DateOnly? dateOfBirth, DateOnly? previousPeriodEndedOn)
    {
        if (startedOn < EarliestStart)
        {
            throw new DomainRuleException($"The date the child started to be looked after cannot be before {Day(EarliestStart)}, when the Children Act 1989 came into force (DfE rule 353)", "HeldOn");
        }

        if (dateOfBirth is { } born && startedOn < born)
        {
            throw new DomainRuleException($"The date the child started to be looked after cannot be before their date of birth, {Day(born)} (DfE rule 302)", "HeldOn");
        }

        if (dateOfBirth is { } birth && startedOn >= birth.AddYears(18))
        {
            throw new DomainRuleException("A child cannot start to be looked after on or after their 18th birthday (DfE rule 352)", "HeldOn");
        }

        if (previousPeriodEndedOn is { } lastEnded && startedOn <= lastEnded)
        {
            throw new DomainRuleException($"The child's last period of care ended on {Day(lastEnded)}: this one must start after that day (SSDA903 rule 431)", "HeldOn");
        }

        var earliest = reviews.Select(r => r.HeldOn)
            .Concat(visits.Select(v => v.VisitedOn))
            .Concat(missingEpisodes.Select(m => m.StartedOn))
            .Concat(libertyOrders.Select(o => o.StartedOn))
            .Where(d => d < startedOn)
            .ToList();
        if (earliest.Count > 0)
        {
            throw new DomainRuleException($"A review, visit, missing episode or deprivation of liberty order is recorded on {Day(earliest.Min())}, before that date: correct it first", "HeldOn");
        }

        if (PreviousPermanence is { } permanence)
        {
            if (startedOn < LookedAfter.PreviousPermanence.AskedFrom)
            {
                throw new DomainRuleException("Previous permanence is recorded, and it is only recorded for care that started on or after 1 April 2016 (DfE rule 634)", "HeldOn");
            }

            try
            {
                permanence.CheckBefore(startedOn);
            }
            catch (DomainRuleException refused)
            {
                throw new DomainRuleException(refused.Message, "HeldOn");
            }
        }
    }

    /// <summary>The child went missing (M) or was away from placement without authorisation (A).</summary>
    /// <param name="endedOn">When the child came back, if they have.</param>
    public MissingEpisode RecordMissing(string type, DateOnly startedOn, DateOnly? endedOn, DateOnly today)
    {
        type = Normalise(type);
        if (type.Length == 0)
        {
            throw new DomainRuleException("Select whether the child was missing or away without authorisation", "MissingType");
        }

        if (!Ssda903Codes.MissingType.Contains(type))
        {
            throw new DomainRuleException($"'{type}' is not an SSDA903 missing type: use M (missing) or A (away without authorisation)", "MissingType");
        }

        CheckWithinPeriod(startedOn, today, "The date the child went missing", "StartedOn");
        if (endedOn is { } returned)
        {
            CheckReturn(startedOn, returned, today);
        }

        CheckNoOverlap(startedOn, endedOn, except: null, field: "StartedOn");
        var missing = new MissingEpisode(Id, type, startedOn, endedOn);
        missingEpisodes.Add(missing);
        return missing;
    }

    /// <summary>The child was found or came back.</summary>
    public void RecordReturn(Guid missingEpisodeId, DateOnly endedOn, DateOnly today)
    {
        var missing = Missing(missingEpisodeId);
        if (!missing.IsOpen)
        {
            throw new DomainRuleException($"The child's return is already recorded, on {Day(missing.EndedOn!.Value)}", "EndedOn");
        }

        CheckReturn(missing.StartedOn, endedOn, today);
        CheckNoOverlap(missing.StartedOn, endedOn, except: missing, field: "EndedOn");
        missing.Return(endedOn);
    }

    /// <summary>Whether the child was offered a return interview, whether they accepted, and when it was held.</summary>
    public void RecordReturnInterview(Guid missingEpisodeId, bool offered, bool accepted, DateOnly? heldOn, DateOnly today)
    {
        var missing = Missing(missingEpisodeId);
        if (missing.EndedOn is not { } returned)
        {
            throw new DomainRuleException("Record when the child came back before recording the return interview", "ReturnInterviewOffered");
        }

        if (accepted && !offered)
        {
            throw new DomainRuleException("A return interview can only be accepted if it was offered", "ReturnInterviewAccepted");
        }

        if (heldOn is { } held)
        {
            if (!accepted)
            {
                throw new DomainRuleException("Only enter when the return interview took place if the child accepted it", "ReturnInterviewHeldOn");
            }

            if (held > today)
            {
                throw new DomainRuleException("The date of the return interview must be today or in the past", "ReturnInterviewHeldOn");
            }

            if (held < returned)
            {
                throw new DomainRuleException($"The return interview cannot be before the child came back, on {Day(returned)}", "ReturnInterviewHeldOn");
            }
        }

        missing.RecordReturnInterview(offered, accepted, heldOn);
    }

    /// <summary>
    /// Adds the change to the chain. A change on the day the current episode started joins that
    /// episode, because an episode cannot start and end on the same day (DfE rule 355): the day's
    /// changes together make one episode, coded against the episode before (so a legal status change
    /// and a move on the same day is B or U, whichever order they were recorded in), and a day whose
    /// changes cancel out leaves no episode at all.
    /// </summary>
    private CareEpisode Apply(DateOnly on, string legalStatus, Placement placement, bool placementChanged, bool carerChanged, Recorded? recorded)
    {
        var ordered = Episodes;
        var current = ordered[^1];
        if (on != current.StartedOn)
        {
            var reason = ReasonFor(legalStatus != current.LegalStatus, placementChanged, carerChanged);
            CheckContinuation(reason, legalStatus);
            current.End(on, NextEpisodeBegins);
            var next = new CareEpisode(Id, on, reason, legalStatus, CategoryOfNeed, placement, recorded);
            episodes.Add(next);
            return next;
        }

        if (ordered.Count == 1)
        {
            // The period started today: the first episode simply holds the day's final details.
            if (placement.IsTemporary)
            {
                throw new DomainRuleException("A period of care cannot start with a temporary placement (DfE rule 380)", "PlacementType");
            }

            current.Replace(Started, legalStatus, placement, recorded);
            return current;
        }

        var previous = ordered[^2];
        var legalStatusDiffers = legalStatus != previous.LegalStatus;
        var placementDiffers = !placement.IsSamePlacementAs(previous.Placement);
        if (!legalStatusDiffers && !placementDiffers)
        {
            // The day's changes undid each other: the child is where they were, as they were.
            episodes.Remove(current);
            previous.Reopen();
            return previous;
        }

        var carerDiffers = placementDiffers
            && !placement.HasSameCarerAs(previous.Placement)
            && (current.CarerChanged || (placementChanged && carerChanged));
        var sameDayReason = ReasonFor(legalStatusDiffers, placementDiffers, carerDiffers);
        CheckContinuation(sameDayReason, legalStatus);
        current.Replace(sameDayReason, legalStatus, placement, recorded);
        return current;
    }

    /// <summary>The reason for a change of placement, if one was given, checked against the code set and the child's age.</summary>
    private static string? CheckReasonForChange(string? reasonForChange, DateOnly on, DateOnly? dateOfBirth)
    {
        var reason = Normalise(reasonForChange);
        if (reason.Length == 0)
        {
            return null;
        }

        if (!Ssda903Codes.ReasonForPlacementChange.Contains(reason))
        {
            throw new DomainRuleException($"'{reason}' is not an SSDA903 reason for placement change (DfE rule 1009)", "ReasonForChange");
        }

        if (reason == "CUSTOD" && dateOfBirth is { } born && on < born.AddYears(10))
        {
            throw new DomainRuleException("A child under 10 cannot change placement because of custody (DfE rule 234)", "ReasonForChange");
        }

        return reason;
    }

    /// <summary>
    /// Records a move with its reason on the episode the child leaves. A move needs one (rule 225) unless it is into or
    /// back from a temporary placement (rule 226); the new episode, open, has none (rule 233). Checked before anything
    /// changes, so a refused move leaves the period as it was.
    /// </summary>
    private CareEpisode Move(DateOnly on, string legalStatus, Placement placement, bool sameCarer, string? reasonForChange, DateOnly? dateOfBirth, Recorded? recorded)
    {
        CheckAgeForPlacement(on, placement, dateOfBirth);
        if (NotUnderLibertyOrder.Contains(placement.Type) && libertyOrders.FirstOrDefault(o => o.Covers(on, null)) is { } order)
        {
            throw new DomainRuleException($"{LibertyOrderRefusal(placement.Type)}: a deprivation of liberty order is in force from {Day(order.StartedOn)}{(order.EndedOn is { } ended ? $" to {Day(ended)}" : string.Empty)} (DfE rule 710)", "PlacementType");
        }

        var reason = CheckReasonForChange(reasonForChange, on, dateOfBirth);
        var ordered = Episodes;
        var current = ordered[^1];
        CareEpisode? left;
        bool needed;
        string notNeeded;
        if (on != current.StartedOn)
        {
            left = current;
            needed = !current.Placement.IsTemporary && !placement.IsTemporary;
            notNeeded = "a move into or back from a temporary placement has none (DfE rule 226)";
        }
        else if (ordered.Count == 1)
        {
            left = null;
            needed = false;
            notNeeded = "the child started to be looked after that day, so there is no earlier placement";
        }
        else
        {
            left = ordered[^2];
            var differs = !placement.IsSamePlacementAs(left.Placement);
            if (!differs)
            {
                // The child is back where they were at the start of the day: no move is left to give a reason for,
                // and the reason the worker gave for undoing the day's move has nowhere to go.
                reason = null;
            }

            needed = differs && !left.Placement.IsTemporary && !placement.IsTemporary;
            notNeeded = "a move into or back from a temporary placement has none (DfE rule 226)";
        }

        if (needed && reason is null)
        {
            throw new DomainRuleException("Select why the placement changed (DfE rule 225)", "ReasonForChange");
        }

        if (!needed && reason is not null)
        {
            throw new DomainRuleException($"Leave the reason for the change blank: {notNeeded}", "ReasonForChange");
        }

        var next = Apply(on, legalStatus, placement, placementChanged: true, carerChanged: !sameCarer, recorded);
        left?.SetReasonForPlacementChange(needed ? reason : null);
        return next;
    }

    private static string ReasonFor(bool legalStatusChanged, bool placementChanged, bool carerChanged) =>
        (legalStatusChanged, placementChanged, carerChanged) switch
        {
            (true, false, _) => "L",
            (false, true, true) => "P",
            (false, true, false) => "T",
            (true, true, true) => "B",
            (true, true, false) => "U",
            _ => throw new InvalidOperationException("An episode after the first must change the legal status or the placement."),
        };

    /// <summary>Rules about episodes that continue a period rather than start it.</summary>
    private static void CheckContinuation(string reason, string legalStatus)
    {
        // Short breaks start a period of their own (the guidance for reason for new episode S
        // names V3 and V4), and an individual break (V3) has no episode but its first (rule 366).
        if (reason is "L" or "B" or "U" && legalStatus is "V3" or "V4")
        {
            throw new DomainRuleException($"A short break ({legalStatus}) is recorded as a period of care of its own: end this period and start a new one", "LegalStatus");
        }

        if (legalStatus == "V3")
        {
            throw new DomainRuleException("A child cannot change placement during an individual short break (V3): end this period of care and start a new one (DfE rule 366)", "PlacementType");
        }
    }

    private static void CheckPlacementChanged(Placement current, Placement next, bool sameCarer)
    {
        if (next.IsSamePlacementAs(current))
        {
            throw new DomainRuleException(
                next.IntendedLongTerm != current.IntendedLongTerm
                    ? "Only whether the placement is intended to be long-term has changed: that is not a change of placement"
                    : "This is the child's current placement: change the type, provider, postcode or carer",
                "PlacementType");
        }

        if (!sameCarer && next.HasSameCarerAs(current))
        {
            throw new DomainRuleException($"The carer is the same as now ({current.Carer}): say the child is staying with the same carer, or enter the new carer", "SameCarer");
        }
    }

    /// <summary>Checks for a placement the worker is recording now, which starts a new episode on <paramref name="on"/>.</summary>
    private static void CheckNewPlacement(DateOnly on, string legalStatus, Placement placement)
    {
        var year = Ssda903Codes.CollectionYearOf(on);
        if (!Ssda903Codes.PlacementType.Contains(placement.Type, year))
        {
            throw new DomainRuleException($"{placement.Type} is not a placement type in the {year - 1} to {year} SSDA903 return, which a placement starting on {Day(on)} belongs to", "PlacementType");
        }

        // Short breaks carry no placement location (DfE rule 214); every other placement needs it
        // for the return's distance and placement-area fields.
        var shortBreak = legalStatus is "V3" or "V4";
        if (placement.Postcode is null && !shortBreak)
        {
            throw new DomainRuleException("Enter the placement postcode", "PlacementPostcode");
        }

        if (shortBreak && placement.Urn is not null)
        {
            throw new DomainRuleException("Leave the Ofsted URN blank for a short break (V3 or V4) (DfE rule 214)", "PlacementUrn");
        }

        // The 2025/26 return requires the URN, or the exempt value, for every type an Ofsted registration covers.
        if (!shortBreak && placement.NeedsUrn && placement.Urn is null && year >= FirstYearUrnRequired)
        {
            throw new DomainRuleException($"Enter the Ofsted URN of the setting or agency, or {Placement.UrnExempt} for a provider Ofsted does not inspect (DfE rule 218)", "PlacementUrn");
        }
    }

    /// <summary>The age a child must have reached to be placed in registered supported accommodation (K3, DfE rule 371).</summary>
    public const int SupportedAccommodationAge = 16;

    private static void CheckAgeForPlacement(DateOnly on, Placement placement, DateOnly? dateOfBirth)
    {
        if (placement.Type == "K3" && dateOfBirth is { } born && on < born.AddYears(SupportedAccommodationAge))
        {
            throw new DomainRuleException($"Supported accommodation (K3) is only for young people aged 16 or 17: the child is 16 on {Day(born.AddYears(SupportedAccommodationAge))} (DfE rule 371)", "PlacementType");
        }
    }

    private static void CheckCombination(string legalStatus, Placement placement, string changing)
    {
        if (legalStatus == "V2" && placement.Type == "P1")
        {
            throw new DomainRuleException("A child placed with parents (P1) cannot be looked after under a single period of section 20 accommodation (V2) (DfE rule 378)", changing);
        }
    }

    private static string CheckLegalStatus(string legalStatus)
    {
        legalStatus = Normalise(legalStatus);
        if (legalStatus.Length == 0)
        {
            throw new DomainRuleException("Select the legal status", "LegalStatus");
        }

        if (!Ssda903Codes.LegalStatus.Contains(legalStatus))
        {
            throw new DomainRuleException($"'{legalStatus}' is not an SSDA903 legal status", "LegalStatus");
        }

        return legalStatus;
    }

    private void CheckChange(DateOnly on, DateOnly today)
    {
        EnsureOpen();
        if (on > today)
        {
            throw new DomainRuleException("The date of the change must be today or in the past", "ChangedOn");
        }

        var current = CurrentEpisode;
        if (on < current.StartedOn)
        {
            throw new DomainRuleException(
                current.ReasonForNewEpisode == Started
                    ? $"The date of the change cannot be before the child started to be looked after, on {Day(current.StartedOn)}"
                    : $"The date of the change cannot be before the current episode started, on {Day(current.StartedOn)}",
                "ChangedOn");
        }
    }

    private void CheckWithinPeriod(DateOnly date, DateOnly today, string what, string field)
    {
        if (date > today)
        {
            throw new DomainRuleException($"{what} must be today or in the past", field);
        }

        if (date < StartedOn)
        {
            throw new DomainRuleException($"{what} cannot be before the child started to be looked after, on {Day(StartedOn)}", field);
        }

        if (EndedOn is { } ended && date > ended)
        {
            throw new DomainRuleException($"{what} cannot be after the child stopped being looked after, on {Day(ended)}", field);
        }
    }

    private void CheckReturn(DateOnly startedOn, DateOnly endedOn, DateOnly today)
    {
        if (endedOn < startedOn)
        {
            throw new DomainRuleException($"The date the child came back cannot be before they went missing, on {Day(startedOn)} (DfE rule 567)", "EndedOn");
        }

        CheckWithinPeriod(endedOn, today, "The date the child came back", "EndedOn");
    }

    /// <summary>Missing episodes cannot overlap, and a new one cannot start while another is open (DfE rule 574).</summary>
    private void CheckNoOverlap(DateOnly startedOn, DateOnly? endedOn, MissingEpisode? except, string field)
    {
        var clash = missingEpisodes.FirstOrDefault(m => m != except
            && startedOn < (m.EndedOn ?? DateOnly.MaxValue)
            && m.StartedOn < (endedOn ?? DateOnly.MaxValue));
        if (clash is not null)
        {
            throw new DomainRuleException(
                clash.IsOpen
                    ? $"The child is already recorded as missing or away since {Day(clash.StartedOn)}: record when that ended first (DfE rule 574)"
                    : $"This overlaps the time the child was missing or away from {Day(clash.StartedOn)} to {Day(clash.EndedOn!.Value)} (DfE rule 574)",
                field);
        }
    }

    private MissingEpisode Missing(Guid id) => missingEpisodes.SingleOrDefault(m => m.Id == id)
        ?? throw new DomainRuleException("That missing episode is not part of this period of care", "MissingEpisodeId");

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException($"The child stopped being looked after on {Day(EndedOn!.Value)}: this period of care has ended", "PeriodOfCare");
        }
    }

    private static Recorded? By(Guid? recordedById, DateOnly today) => recordedById is { } id ? new Recorded(id, today) : null;

    private static string Normalise(string? code) => code?.Trim().ToUpperInvariant() ?? string.Empty;

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", English);
}
