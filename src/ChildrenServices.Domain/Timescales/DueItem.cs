using ChildrenServices.Domain.Calendar;

namespace ChildrenServices.Domain.Timescales;

/// <summary>The timescale a <see cref="DueItem"/> comes from, one per rule in <see cref="StatutoryTimescales"/>.</summary>
public enum DueKind
{
    Assessment = 1,
    StrategyDiscussion = 2,
    Section47Enquiry = 3,
    InitialConference = 4,
    FirstCoreGroup = 5,
    ChildProtectionReview = 6,
    ChildProtectionVisit = 7,
    ChildInNeedReview = 8,
    ChildInNeedVisit = 9,
    LookedAfterReview = 10,
    LookedAfterVisit = 11,
}

/// <summary>
/// How a due item stands on the worktray: timeliness, not risk. Named apart from
/// <see cref="FrontDoor.RagRating"/>, the practitioner's risk rating of a MASH check, which shares the colours
/// but not the meaning.
/// </summary>
public enum RagStatus
{
    /// <summary>Not done and the due date has passed.</summary>
    Red = 1,

    /// <summary>Not done and inside the amber window: from the given number of working days before the due date up to and including the due date.</summary>
    Amber = 2,

    /// <summary>Not done and not yet inside the amber window.</summary>
    Green = 3,

    /// <summary>Done on or before the due date.</summary>
    CompletedOnTime = 4,

    /// <summary>Done after the due date.</summary>
    CompletedLate = 5,
}

/// <summary>Something due on the pathway: what, by when, and when it was done if it has been.</summary>
public sealed record DueItem(DueKind Kind, DateOnly DueOn, DateOnly? CompletedOn = null)
{
    /// <summary>The first date the item shows amber: <paramref name="amberWorkingDays"/> working days before the due date, or the due date itself for 0.</summary>
    public DateOnly AmberFrom(WorkingDayCalendar calendar, int amberWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(amberWorkingDays);
        return calendar.AddWorkingDays(DueOn, -amberWorkingDays);
    }

    /// <summary>
    /// The status on <paramref name="today"/>. A completed item stays completed (on time or late) whatever the
    /// date; otherwise red once today is after the due date, amber from <see cref="AmberFrom"/> to the due date
    /// inclusive, green before that.
    /// </summary>
    public RagStatus StatusOn(DateOnly today, WorkingDayCalendar calendar, int amberWorkingDays)
    {
        if (CompletedOn is { } done)
        {
            return done <= DueOn ? RagStatus.CompletedOnTime : RagStatus.CompletedLate;
        }

        if (today > DueOn)
        {
            return RagStatus.Red;
        }

        return today >= AmberFrom(calendar, amberWorkingDays) ? RagStatus.Amber : RagStatus.Green;
    }
}
