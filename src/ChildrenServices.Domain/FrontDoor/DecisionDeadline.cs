using ChildrenServices.Domain.Calendar;

namespace ChildrenServices.Domain.FrontDoor;

/// <summary>
/// A contact is decided within one working day of receipt. Received on a working day: due at the same
/// time on the next working day (Friday 10:00 → Monday 10:00; the day before a bank holiday → the day
/// after it). Received on a weekend or bank holiday: due by the end of the first working day after it.
/// Times are UK local; the caller converts.
/// </summary>
public static class DecisionDeadline
{
    public static DateTime Due(DateTime receivedLocal, WorkingDayCalendar calendar)
    {
        var day = DateOnly.FromDateTime(receivedLocal);
        if (calendar.IsWorkingDay(day))
        {
            return calendar.AddWorkingDays(day, 1).ToDateTime(TimeOnly.FromDateTime(receivedLocal));
        }

        return calendar.WorkingDayOnOrAfter(day).ToDateTime(new TimeOnly(23, 59));
    }
}
