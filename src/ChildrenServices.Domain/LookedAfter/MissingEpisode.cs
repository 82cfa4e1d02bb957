using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// A time the child was missing from care (M) or away from placement without authorisation (A):
/// the SSDA903 Missing row (MISSING, MIS_START, MIS_END) and the Annex A return interview
/// questions. Recorded through <see cref="PeriodOfCare.RecordMissing"/>, <see cref="PeriodOfCare.RecordReturn"/>
/// and <see cref="PeriodOfCare.RecordReturnInterview"/>.
/// </summary>
public sealed class MissingEpisode : IPartOf<PeriodOfCare>
{
    private MissingEpisode()
    {
        Type = string.Empty;
    }

    internal MissingEpisode(Guid periodOfCareId, string type, DateOnly startedOn, DateOnly? endedOn)
    {
        PeriodOfCareId = periodOfCareId;
        Type = type;
        StartedOn = startedOn;
        EndedOn = endedOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    /// <summary>M (missing) or A (away from placement without authorisation).</summary>
    public string Type { get; private init; }

    /// <summary>The day the child left the placement or was last seen by a responsible adult, whichever was later.</summary>
    public DateOnly StartedOn { get; private init; }

    /// <summary>The day the child was found or came back; empty while the child is still away.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Whether a return interview was offered; empty until recorded.</summary>
    public bool? ReturnInterviewOffered { get; private set; }

    /// <summary>Whether the child accepted it; never true unless it was offered.</summary>
    public bool? ReturnInterviewAccepted { get; private set; }

    /// <summary>The day the return interview took place, if it has.</summary>
    public DateOnly? ReturnInterviewHeldOn { get; private set; }

    public bool IsOpen => EndedOn is null;

    internal void Return(DateOnly on) => EndedOn = on;

    internal void RecordReturnInterview(bool offered, bool accepted, DateOnly? heldOn)
    {
        ReturnInterviewOffered = offered;
        ReturnInterviewAccepted = accepted;
        ReturnInterviewHeldOn = heldOn;
    }
}
