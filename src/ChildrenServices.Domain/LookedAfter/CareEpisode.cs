using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// One SSDA903 episode: a stretch of a period of care with one legal status and one placement.
/// Built by <see cref="PeriodOfCare"/> from what the worker records; never edited directly.
/// </summary>
public sealed class CareEpisode : IPartOf<PeriodOfCare>
{
    private CareEpisode()
    {
        ReasonForNewEpisode = string.Empty;
        LegalStatus = string.Empty;
        CategoryOfNeed = string.Empty;
        Placement = null!;
    }

    internal CareEpisode(Guid periodOfCareId, DateOnly startedOn, string reasonForNewEpisode, string legalStatus, string categoryOfNeed, Placement placement, Recorded? recorded = null)
    {
        RecordedById = recorded?.ById;
        RecordedOn = recorded?.On;
        PeriodOfCareId = periodOfCareId;
        StartedOn = startedOn;
        ReasonForNewEpisode = reasonForNewEpisode;
        LegalStatus = legalStatus;
        CategoryOfNeed = categoryOfNeed;
        Placement = placement;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    /// <summary>DECOM: the day the episode began, the day the one before it ended.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>Who recorded the change that began the episode, and on what day: they may correct its date within a week (ADR 0029). None on episodes recorded before this was kept.</summary>
    public Guid? RecordedById { get; private set; }

    public DateOnly? RecordedOn { get; private set; }

    /// <summary>RNE: S for the first episode, then L, P, T, B or U for what changed.</summary>
    public string ReasonForNewEpisode { get; private set; }

    /// <summary>LS (C1 … J3).</summary>
    public string LegalStatus { get; private set; }

    /// <summary>CIN (N1 … N8): set when the period starts and the same on every episode (rule 504).</summary>
    public string CategoryOfNeed { get; private init; }

    public Placement Placement { get; private set; }

    /// <summary>DEC: the day the next episode began, or the day the child stopped being looked after.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>REC: X1 when another episode follows, otherwise why the child stopped being looked after.</summary>
    public string? ReasonCeased { get; private set; }

    /// <summary>
    /// REASON_PLACE_CHANGE: why the child left this episode's placement, when the next episode is a move that is
    /// neither into nor back from a temporary placement (rules 225, 226); none while the episode is open (rule 233).
    /// </summary>
    public string? ReasonForPlacementChange { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>The reason for new episode in the worker's words: "Placement changed, new carers".</summary>
    public string WhatHappened => ReasonForNewEpisode switch
    {
        "S" => "Started to be looked after",
        "L" => "Legal status changed",
        "P" => "Placement changed, new carers",
        "T" => "Placement changed, same carers",
        "B" => "Legal status and placement changed, new carers",
        "U" => "Legal status and placement changed, same carers",
        _ => ReasonForNewEpisode,
    };

    /// <summary>Whether the child's carer changed when this episode began (RNE P or B).</summary>
    internal bool CarerChanged => ReasonForNewEpisode is "P" or "B";

    /// <summary>A second change on the day the episode began: the day's changes make one episode.</summary>
    internal void Replace(string reasonForNewEpisode, string legalStatus, Placement placement, Recorded? recorded)
    {
        if (recorded is { } by)
        {
            (RecordedById, RecordedOn) = (by.ById, by.On);
        }

        ReasonForNewEpisode = reasonForNewEpisode;
        LegalStatus = legalStatus;
        Placement = placement;
    }

    /// <summary>The day the carer's assessment (regulation 19) or approval (regulation 24) was completed, when it was during this episode.</summary>
    public DateOnly? ApprovalCompletedOn { get; private set; }

    internal void CompleteApproval(DateOnly on)
    {
        Placement = Placement.WithApprovalComplete();
        ApprovalCompletedOn = on;
    }

    /// <summary>The day the episode began was recorded wrongly (<see cref="PeriodOfCare.CorrectEpisodeStart"/> checks the chain first).</summary>
    internal void CorrectStart(DateOnly on) => StartedOn = on;

    /// <summary>The episode after this one now begins on another day, so this one ends then.</summary>
    internal void MoveEnd(DateOnly on) => EndedOn = on;

    internal void SetReasonForPlacementChange(string? reason) => ReasonForPlacementChange = reason;

    internal void End(DateOnly on, string reasonCeased)
    {
        EndedOn = on;
        ReasonCeased = reasonCeased;
    }

    /// <summary>The episode that followed has gone (the day's changes were undone the same day).</summary>
    internal void Reopen()
    {
        EndedOn = null;
        ReasonCeased = null;
        ReasonForPlacementChange = null;
    }
}

/// <summary>Who recorded a change in a period of care, and on what day.</summary>
public readonly record struct Recorded(Guid ById, DateOnly On);
