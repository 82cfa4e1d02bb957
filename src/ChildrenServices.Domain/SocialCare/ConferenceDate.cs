using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>
/// Child protection conferences are held on weekdays. The CIN census refuses an initial conference on a weekend
/// (rule 8875, an error: the return cannot be sent with one), and a review conference is the same meeting held again,
/// so a weekend date is a mistyped date and is refused when it is entered, not found by the return.
/// </summary>
public static class ConferenceDate
{
    public static void EnsureWeekday(DateOnly heldOn, string field, string what)
    {
        if (WorkingDayCalendar.IsWeekend(heldOn))
        {
            throw new DomainRuleException($"{what} cannot be on a weekend: {heldOn:d MMMM yyyy} is a {heldOn.DayOfWeek}. Check the date", field);
        }
    }
}
