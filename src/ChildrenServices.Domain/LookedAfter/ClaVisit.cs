using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// A statutory visit to a looked-after child (regulation 28): whether the child was seen, and
/// seen alone. Recorded through <see cref="PeriodOfCare.RecordVisit"/>.
/// </summary>
public sealed class ClaVisit : IPartOf<PeriodOfCare>
{
    private ClaVisit()
    {
    }

    internal ClaVisit(Guid periodOfCareId, DateOnly visitedOn, bool childSeen, bool seenAlone, Guid? recordedById, DateOnly recordedOn)
    {
        RecordedById = recordedById;
        RecordedOn = recordedOn;
        PeriodOfCareId = periodOfCareId;
        VisitedOn = visitedOn;
        ChildSeen = childSeen;
        SeenAlone = seenAlone;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PeriodOfCareId { get; private init; }

    Guid IPartOf.RootId => PeriodOfCareId;

    public DateOnly VisitedOn { get; private set; }

    /// <summary>Who recorded it (unknown on visits recorded before this was kept) and the day they did.</summary>
    public Guid? RecordedById { get; private init; }

    public DateOnly? RecordedOn { get; private init; }

    internal void Redate(DateOnly visitedOn) => VisitedOn = visitedOn;

    public bool ChildSeen { get; private init; }

    /// <summary>Seen alone; never true unless <see cref="ChildSeen"/> is.</summary>
    public bool SeenAlone { get; private init; }
}
