namespace ChildrenServices.Domain.Returns.Ssda903;

/// <summary>
/// One child as the SSDA903 (children looked after) return holds them for a collection year: the header, and every episode
/// of care the child has had up to 31 March with the reviews, missing periods, previous permanence, social worker episodes
/// and deprivation of liberty orders that go with them. Built from the record by the return's reader, checked by
/// <see cref="Ssda903Rules"/> and written by the CSV writer, so the check and the files see the same values.
/// </summary>
/// <remarks>
/// <para><see cref="Episodes"/> holds every episode the child has had, not only the year's: rules 357 (the first episode
/// ever starts with S), 367 (75 days of short breaks in 12 months), 377 (two carer's-holiday placements in 12 months) and 504
/// (the category of need of the period) look back. The files hold the episodes open at some point in the year
/// (<see cref="EpisodesIn"/>).</para>
/// <para>As at 31 March: anything dated after it (an episode's end, a review, a missing period's return) is not yet
/// recorded here.</para>
/// </remarks>
/// <param name="PersonId">The record the child is; never written to a file (the files have <paramref name="LocalId"/>).</param>
/// <param name="Sex">M, F or U as the record gives it for the returns.</param>
/// <param name="Upn">The child's UPN, or UN1–UN5 when it is not known (UPN column); null when neither is recorded.</param>
/// <param name="IsMother">MOTHER: 1 when the young person is a mother, 0 when not, null when not recorded.</param>
/// <param name="FirstChildBorn">MC_DOB: the date of birth of the young person's first child.</param>
/// <param name="Uasc">Whether the child was an unaccompanied asylum-seeking child at some point while looked after.</param>
/// <param name="UascCeased">DUC: the day UASC status ceased.</param>
/// <param name="PreviousPermanence">The PrevPerm row: for a child who started to be looked after in the year, that period's answer.</param>
/// <param name="Restricted">Whether the record is restricted: checked and counted like any other, named only to those on its allow-list.</param>
public sealed record LacChild(
    Guid PersonId,
    string? LocalId,
    string Sex,
    DateOnly? BirthDate,
    string? Ethnicity,
    string? Upn,
    bool? IsMother,
    DateOnly? FirstChildBorn,
    bool Uasc,
    DateOnly? UascCeased,
    IReadOnlyList<LacEpisode> Episodes,
    IReadOnlyList<LacReview> Reviews,
    IReadOnlyList<LacMissing> Missing,
    LacPreviousPermanence? PreviousPermanence,
    IReadOnlyList<LacSocialWorkerEpisode> SocialWorkerEpisodes,
    IReadOnlyList<LacLibertyOrder> LibertyOrders,
    bool Restricted = false)
{
    /// <summary>The episodes in the year's files: started by 31 March and not ended before 1 April, in start order.</summary>
    public IReadOnlyList<LacEpisode> EpisodesIn(CollectionYear year) =>
        [.. Episodes.Where(e => e.Start <= year.End && (e.End is null || e.End >= year.Start)).OrderBy(e => e.Start)];

    /// <summary>Looked after on 31 March: an episode open at the end of the year.</summary>
    public bool LookedAfterAtEndOf(CollectionYear year) => Episodes.Any(e => e.Start <= year.End && e.End is null);
}

/// <summary>An episode of care: one legal status and one placement (Episodes file).</summary>
/// <param name="Id">The episode's record (the fix link opens its period of care).</param>
/// <param name="PeriodId">The period of care the episode belongs to.</param>
/// <param name="Start">DECOM.</param>
/// <param name="Rne">RNE, reason for new episode: S, L, P, T, B or U.</param>
/// <param name="LegalStatus">LS.</param>
/// <param name="CategoryOfNeed">CIN, N1–N8.</param>
/// <param name="Place">PLACE, the placement type.</param>
/// <param name="Provider">PLACE_PROVIDER, PR0–PR5; blank for temporary and some other placements.</param>
/// <param name="End">DEC; null while the episode is open at 31 March.</param>
/// <param name="ReasonCeased">REC: X1 when another episode follows on the same day, else why care ended; null while open.</param>
/// <param name="ReasonPlaceChange">REASON_PLACE_CHANGE: recorded on the episode that ends when the child moves.</param>
/// <param name="HomePostcode">HOME_POST.</param>
/// <param name="PlacementPostcode">PL_POST.</param>
/// <param name="Urn">URN, the Ofsted unique reference number (XXXXXXX for a provider Ofsted does not register).</param>
public sealed record LacEpisode(
    Guid Id,
    Guid PeriodId,
    DateOnly Start,
    string Rne,
    string LegalStatus,
    string CategoryOfNeed,
    string Place,
    string? Provider,
    DateOnly? End,
    string? ReasonCeased,
    string? ReasonPlaceChange,
    string? HomePostcode,
    string? PlacementPostcode,
    string? Urn);

/// <summary>A looked-after child's review held in the year (Reviews file): REVIEW and REVIEW_CODE.</summary>
public sealed record LacReview(Guid Id, Guid PeriodId, DateOnly Date, string? ParticipationCode);

/// <summary>A period missing or away from placement without authorisation in the year (Missing file).</summary>
/// <param name="Type">MISSING: M missing, A away without authorisation.</param>
/// <param name="Start">MIS_START.</param>
/// <param name="End">MIS_END; null while the child is still missing at 31 March.</param>
public sealed record LacMissing(Guid Id, Guid PeriodId, string? Type, DateOnly? Start, DateOnly? End);

/// <summary>The PrevPerm row: how the child last left care before this period, if they had.</summary>
/// <param name="PeriodId">The period of care whose start recorded the answer.</param>
/// <param name="PeriodStart">When that period started (rules 632 and 634 compare with it).</param>
/// <param name="Option">PREV_PERM: P1–P4 or Z1; null when not recorded.</param>
/// <param name="LocalAuthority">LA_PERM: the DfE code of the council that arranged it, or WAL, SCO, NUK, NIR.</param>
/// <param name="OrderDate">DATE_PERM as returned: dd/mm/yyyy with zz for a part not known; null when not given.</param>
public sealed record LacPreviousPermanence(Guid PeriodId, DateOnly PeriodStart, string? Option, string? LocalAuthority, string? OrderDate);

/// <summary>A period with one lead social worker in the year (SWEpisodes file).</summary>
/// <param name="Id">The allocation (the fix link opens the child's allocations).</param>
/// <param name="SocialWorkerId">SW_ID: the worker's Social Work England registration number (SW…); null when not recorded.</param>
/// <param name="Start">SW_DECOM.</param>
/// <param name="End">SW_DEC; null while the worker still leads at 31 March.</param>
/// <param name="Reason">SW_REASON: why this worker started to lead the child.</param>
public sealed record LacSocialWorkerEpisode(Guid Id, string? SocialWorkerId, DateOnly Start, DateOnly? End, string? Reason);

/// <summary>A deprivation of liberty order open in the year (DoLo file, from 2026/27): DOLO_START and DOLO_END.</summary>
public sealed record LacLibertyOrder(Guid Id, Guid PeriodId, DateOnly Start, DateOnly? End);

/// <summary>Who the files the product does not yet fill would hold (docs/returns.md): counted, so the page can say how many rows are missing.</summary>
public static class LacCohorts
{
    private static readonly HashSet<string> ShortBreaks = new(StringComparer.Ordinal) { "V3", "V4" };

    /// <summary>
    /// OC2: looked after continuously for at least 12 months at 31 March — a period of care open then that started on or
    /// before 1 April, not made up of short breaks (V3, V4) alone.
    /// </summary>
    public static bool LookedAfterForAYear(LacChild child, CollectionYear year)
    {
        var open = child.Episodes.FirstOrDefault(e => e.Start <= year.End && e.End is null);
        if (open is null)
        {
            return false;
        }

        var period = child.Episodes.Where(e => e.PeriodId == open.PeriodId).ToList();
        return period.Min(e => e.Start) <= year.Start && period.Any(e => !ShortBreaks.Contains(e.LegalStatus));
    }

    /// <summary>AD1: adopted in the year (an episode ended E11 or E12).</summary>
    public static bool AdoptedIn(LacChild child, CollectionYear year) =>
        child.EpisodesIn(year).Any(e => e.ReasonCeased is "E11" or "E12" && e.End is { } ended && year.Contains(ended));

    /// <summary>PlacedAdoption: placed for adoption (A3–A6) or under a placement order (E1) in the year, so a decision to place was made.</summary>
    public static bool PlacedForAdoptionIn(LacChild child, CollectionYear year) =>
        child.EpisodesIn(year).Any(e => e.Place is "A3" or "A4" or "A5" or "A6" || e.LegalStatus == "E1");
}
