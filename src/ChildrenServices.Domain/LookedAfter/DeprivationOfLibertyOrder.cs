using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// A court order authorising the deprivation of a looked-after child's liberty (a DoLO, made under the High Court's
/// inherent jurisdiction): the SSDA903 DoLo row (DOLO_START, DOLO_END) from the 2026/27 return. Recorded through
/// <see cref="PeriodOfCare.RecordDeprivationOfLiberty"/> and <see cref="PeriodOfCare.RecordDeprivationOfLibertyEnded"/>.
/// </summary>
public sealed class DeprivationOfLibertyOrder : IPartOf<PeriodOfCare>
{
    private DeprivationOfLibertyOrder()
    {
    }

    internal DeprivationOfLibertyOrder(Guid periodOfCareId, DateOnly startedOn, DateOnly? endedOn)
    {
        PeriodOfCareId = periodOfCareId;
        StartedOn = startedOn;
        EndedOn = endedOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    /// <summary>DOLO_START: the day the order took effect.</summary>
    public DateOnly StartedOn { get; private init; }

    /// <summary>DOLO_END: the day it ended (expired, discharged or not renewed); empty while it is in force.</summary>
    public DateOnly? EndedOn { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>Whether the order was in force on any day from <paramref name="from"/> to <paramref name="to"/> (open-ended when null).</summary>
    internal bool Covers(DateOnly from, DateOnly? to) => StartedOn <= (to ?? DateOnly.MaxValue) && from <= (EndedOn ?? DateOnly.MaxValue);

    internal void End(DateOnly on) => EndedOn = on;
}
