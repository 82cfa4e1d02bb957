using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Recording;

/// <summary>What kind of record a correction changed.</summary>
public enum CorrectedRecord
{
    ChildInNeedReview = 1,
    ChildProtectionReview = 2,
    LookedAfterReview = 3,
    ChildInNeedVisit = 4,
    ChildProtectionVisit = 5,
    LookedAfterVisit = 6,
    ReferralDate = 7,
    InitialConference = 8,
    AllocationStart = 9,
    CareEpisodeStart = 10,
    CareEnd = 11,
}

public static class CorrectedRecords
{
    public static string Describe(this CorrectedRecord record) => record switch
    {
        CorrectedRecord.ChildInNeedReview => "Child in need review",
        CorrectedRecord.ChildProtectionReview => "Child protection review conference",
        CorrectedRecord.LookedAfterReview => "Looked-after review",
        CorrectedRecord.ChildInNeedVisit => "Child in need visit",
        CorrectedRecord.ChildProtectionVisit => "Child protection visit",
        CorrectedRecord.LookedAfterVisit => "Looked-after visit",
        CorrectedRecord.ReferralDate => "Referral",
        CorrectedRecord.InitialConference => "Initial child protection conference",
        CorrectedRecord.AllocationStart => "Allocation",
        CorrectedRecord.CareEpisodeStart => "Looked-after episode",
        CorrectedRecord.CareEnd => "End of care",
        _ => record.ToString(),
    };
}

/// <summary>
/// A date recorded wrongly and corrected, with why: the original value and the correction both stay, so the history
/// shows what the record said and who changed it. The record itself carries the corrected value, which the returns,
/// the chronology and the deadlines follow. Append-only (<see cref="IStandaloneRecord"/>): a correction is never edited,
/// only corrected again.
/// </summary>
public sealed class Correction : IStandaloneRecord
{
    /// <summary>How long the worker who recorded something may correct it themselves; after that, a manager of the team holding the case.</summary>
    public const int RecorderWindowDays = 7;

    public const int ReasonLimit = 2_000;

    private Correction()
    {
        Reason = string.Empty;
    }

    public Correction(Guid childId, CorrectedRecord record, Guid recordId, DateOnly from, DateOnly to, string? reason, Guid correctedById, bool asManager, DateTime correctedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the date was wrong", "Reason");
        }

        if (reason.Trim().Length > ReasonLimit)
        {
            throw new DomainRuleException($"The reason must be {ReasonLimit:N0} characters or fewer", "Reason");
        }

        ChildId = childId;
        Record = record;
        RecordId = recordId;
        FromDate = from;
        ToDate = to;
        Reason = reason.Trim();
        CorrectedById = correctedById;
        AsManager = asManager;
        CorrectedAtUtc = correctedAtUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ChildId { get; private init; }

    public CorrectedRecord Record { get; private init; }

    public Guid RecordId { get; private init; }

    public DateOnly FromDate { get; private init; }

    public DateOnly ToDate { get; private init; }

    public string Reason { get; private init; }

    public Guid CorrectedById { get; private init; }

    /// <summary>Corrected by a manager of the team holding the case, not by the worker who recorded it.</summary>
    public bool AsManager { get; private init; }

    public DateTime CorrectedAtUtc { get; private init; }

    /// <summary>The worker who recorded it may correct it within <see cref="RecorderWindowDays"/> days of recording it.</summary>
    public static bool RecorderMayCorrect(Guid? recordedById, DateOnly? recordedOn, Guid userId, DateOnly today) =>
        recordedById is { } by && by == userId && recordedOn is { } on && today <= on.AddDays(RecorderWindowDays);

    /// <summary>
    /// A corrected date keeps the record in its place among its kind (after the one before it, before the one after it):
    /// a correction fixes a date typed wrongly, it does not reorder what happened.
    /// </summary>
    public static void KeepsItsPlace(IEnumerable<(Guid Id, DateOnly On)> all, Guid id, DateOnly corrected, string what)
    {
        var list = all.ToList();
        var old = list.Single(x => x.Id == id).On;
        if (corrected == old)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        var others = list.Where(x => x.Id != id).ToList();
        if (others.Where(x => x.On <= old).Select(x => (DateOnly?)x.On).Max() is { } before && corrected <= before)
        {
            throw new DomainRuleException($"The {what} before this one was on {before:d MMMM yyyy}: the corrected date must be after it", "HeldOn");
        }

        if (others.Where(x => x.On > old).Select(x => (DateOnly?)x.On).Min() is { } after && corrected >= after)
        {
            throw new DomainRuleException($"The {what} after this one was on {after:d MMMM yyyy}: the corrected date must be before it", "HeldOn");
        }
    }
}
