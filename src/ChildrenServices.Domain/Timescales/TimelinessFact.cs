using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Timescales;

/// <summary>
/// One piece of statutory work counted for timeliness — a contact's decision, an assessment, an initial conference, a
/// review or a visit — with the day it was due and the day it happened, worked out from the records and the council's
/// timescales and kept so the performance pages read figures over years without recomputing them (ADR 0031). Brought up
/// to date from the records that changed since the last refresh (<see cref="TimelinessRefresh"/>); never edited by hand.
/// </summary>
public sealed class TimelinessFact : IStandaloneRecord
{
    public const int KeyLimit = 30;

    private TimelinessFact()
    {
        Key = string.Empty;
    }

    public TimelinessFact(string key, Guid sourceId, Guid? childId, string? reference, DateOnly countedOn, DateOnly due, DateOnly happened, bool inTime, string? lateBy, int? workingDays)
    {
        Key = key;
        CountedOn = countedOn;
        SourceId = sourceId;
        ChildId = childId;
        Reference = reference;
        Due = due;
        Happened = happened;
        InTime = inTime;
        LateBy = inTime ? null : lateBy;
        WorkingDays = workingDays;
    }

    public long Id { get; private init; }

    /// <summary>Which indicator (GetTimeliness.Keys).</summary>
    public string Key { get; private init; }

    /// <summary>The record it was worked out from (the contact, assessment, enquiry, plan or period of care): its facts are replaced when it changes.</summary>
    public Guid SourceId { get; private init; }

    /// <summary>The child, or null for a contact (which may be about several).</summary>
    public Guid? ChildId { get; private init; }

    /// <summary>A contact's reference.</summary>
    public string? Reference { get; private init; }

    /// <summary>The day that puts it in a period: the day a contact was received, otherwise the day the work happened.</summary>
    public DateOnly CountedOn { get; private init; }

    public DateOnly Due { get; private init; }

    public DateOnly Happened { get; private init; }

    public bool InTime { get; private init; }

    /// <summary>How late, in the unit the timescale counts in; null when in time.</summary>
    public string? LateBy { get; private init; }

    /// <summary>An assessment's length in working days from the referral.</summary>
    public int? WorkingDays { get; private init; }
}

/// <summary>When the timeliness facts were last brought up to date, and on which timescales (a change rebuilds them all).</summary>
public sealed class TimelinessRefresh : IStandaloneRecord
{
    public const int SingletonId = 1;

    public int Id { get; private init; } = SingletonId;

    /// <summary>The start of the last refresh: records saved after it are picked up by the next.</summary>
    public DateTime RefreshedAtUtc { get; set; }

    /// <summary>The last full rebuild (at least daily, so a removed record's facts go too).</summary>
    public DateTime RebuiltAtUtc { get; set; }

    /// <summary>The timescales and calendar the facts were worked out with.</summary>
    public string Fingerprint { get; set; } = string.Empty;
}
