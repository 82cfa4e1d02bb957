namespace ChildrenServices.Domain.Returns.Cin;

/// <summary>
/// One child as the CIN census returns them for a collection year: the identifiers and characteristics, and each episode of
/// need (CINdetails) in the year with the modules in it. Built from the record by the return's reader, checked by
/// <see cref="CensusRules"/> and written by the XML writer, so the check and the file see the same values.
/// </summary>
/// <param name="PersonId">The record the child is; never written to the file (the file has <paramref name="LocalId"/>).</param>
/// <param name="Sex">M, F or U, as the record gives it for the returns (U for an unborn child).</param>
/// <param name="UpnUnknown">UN1–UN7 when there is no UPN.</param>
/// <param name="Restricted">Whether the record is restricted: checked and counted like any other, named only to those on its allow-list.</param>
public sealed record CensusChild(
    Guid PersonId,
    string? LocalId,
    string? Upn,
    string? UpnUnknown,
    DateOnly? BirthDate,
    DateOnly? ExpectedBirthDate,
    string Sex,
    DateOnly? DeathDate,
    string? Ethnicity,
    IReadOnlyList<string> Disabilities,
    IReadOnlyList<CensusEpisode> Episodes,
    bool Restricted = false)
{
    public bool IsUnborn => BirthDate is null && ExpectedBirthDate is not null;
}

/// <summary>An episode of need (a referral) as CINdetails.</summary>
/// <param name="InitialConferenceDate">
/// The CINdetails-level <c>DateOfInitialCPC</c>: a child protection plan's initial conference held without a section 47 here,
/// for a child transferred in under a plan (the section 47 level carries the rest).
/// </param>
public sealed record CensusEpisode(
    Guid ReferralId,
    DateOnly ReferralDate,
    string? ReferralSource,
    string? PrimaryNeed,
    DateOnly? ClosureDate,
    string? ClosureReason,
    DateOnly? InitialConferenceDate,
    bool ReferralNfa,
    IReadOnlyList<CensusAssessment> Assessments,
    IReadOnlyList<CensusCinPlan> CinPlans,
    IReadOnlyList<CensusSection47> Section47s,
    IReadOnlyList<CensusCpPlan> CpPlans,
    CensusPreProceedings? PreProceedings = null);

/// <param name="AuthorisationDate">The assessment's end (<c>AssessmentAuthorisationDate</c>); null while not authorised.</param>
public sealed record CensusAssessment(Guid Id, DateOnly StartDate, DateOnly? AuthorisationDate, IReadOnlyList<string> Factors);

public sealed record CensusCinPlan(Guid Id, DateOnly StartDate, DateOnly? EndDate);

/// <param name="IcpcNotRequired">The enquiry concluded that no initial conference is needed.</param>
public sealed record CensusSection47(Guid Id, DateOnly StartDate, DateOnly? InitialConferenceTarget, DateOnly? InitialConferenceDate, bool IcpcNotRequired)
{
    /// <summary>Still open: no conference held and none found unnecessary.</summary>
    public bool IsOpen => InitialConferenceDate is null && !IcpcNotRequired;
}

/// <param name="Reviews">Review conferences held in the collection year, in date order.</param>
public sealed record CensusCpPlan(
    Guid Id,
    DateOnly StartDate,
    DateOnly? EndDate,
    string? InitialCategory,
    string? LatestCategory,
    int PreviousPlans,
    IReadOnlyList<DateOnly> Reviews);

/// <summary>The 2026/27 pre-proceedings and family group decision-making block (docs/return-fields.md).</summary>
/// <param name="FgdmOffered">FGDMMeetingOffer: 1 when a family group decision-making meeting was offered.</param>
/// <param name="FgdmHeld">FGDMMeetingFac: 1 held, 0 offered and not held, null when not offered.</param>
/// <param name="Outcome">PPOutcome as recorded (its DfE letter is not in the reference material: see docs/returns.md).</param>
public sealed record CensusPreProceedings(
    DateOnly StartDate,
    DateOnly? LetterSentDate,
    bool? FgdmOffered,
    bool? FgdmHeld,
    DateOnly? InitialMeetingDate,
    int ReviewMeetings,
    DateOnly? DecisionDate,
    string? Outcome,
    DateOnly? CourtApplicationDate,
    DateOnly? CourtLetterDate);
