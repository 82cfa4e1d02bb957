using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Timescales;

/// <summary>
/// The due dates of the statutory pathway (domain.md section 3), computed from the event they count from.
/// Each method returns the last date on which the thing is still on time. Nothing is stored: change the
/// event date, the calendar or a <see cref="LocalTimescales"/> setting and every due date moves with it.
/// </summary>
/// <remarks>
/// <para>
/// Working days are counted by <see cref="WorkingDayCalendar.AddWorkingDays"/>: the event date is day 0 and
/// never counts, so "within N working days of X" is <c>AddWorkingDays(X, N)</c>, always a working day.
/// </para>
/// <para>
/// Weeks and months are calendar periods, as in the regulations and Working Together: a week is 7 days and
/// "N months after X" is <see cref="DateOnly.AddMonths"/>, which keeps the day of the month and falls back to
/// the month's last day when it has none (31 August + 3 months = 30 November; 31 August 2027 + 6 months =
/// 29 February 2028). Calendar due dates are not moved off weekends or bank holidays: the law sets the
/// latest date, and the amber warning (<see cref="LocalTimescales.AmberWorkingDays"/>) gives the notice.
/// </para>
/// </remarks>
public sealed class StatutoryTimescales
{
    /// <summary>Child and family assessment: 45 working days from the referral (national; Working Together 2023).</summary>
    public const int AssessmentWorkingDays = Referral.AssessmentWorkingDays;

    /// <summary>Initial child protection conference: 15 working days from the strategy discussion (national; Working Together 2023).</summary>
    public const int InitialConferenceWorkingDays = 15;

    /// <summary>
    /// First core group: within 10 working days of the initial conference (national: domain.md, and issue 12). A council may
    /// set a shorter local target (<see cref="LocalTimescales.FirstCoreGroupWorkingDays"/>), never a longer one.
    /// </summary>
    public const int FirstCoreGroupWorkingDays = 10;

    /// <summary>First child protection review conference: within 3 months of the initial conference (national; Working Together 2023).</summary>
    public const int FirstChildProtectionReviewMonths = 3;

    /// <summary>Later child protection review conferences: not more than 6 months after the previous one (national; Working Together 2023).</summary>
    public const int ChildProtectionReviewMonths = 6;

    /// <summary>First looked-after review: 20 working days from becoming looked after (national; regulation 33(1)).</summary>
    public const int FirstLookedAfterReviewWorkingDays = 20;

    /// <summary>Second looked-after review: not more than 3 months after the first (national; regulation 33(2)).</summary>
    public const int SecondLookedAfterReviewMonths = 3;

    /// <summary>Later looked-after reviews: at intervals of not more than 6 months (national; regulation 33(2)).</summary>
    public const int LookedAfterReviewMonths = 6;

    /// <summary>Looked-after visit within one week (7 calendar days) of the start of any placement (national; regulation 28(2)(a)).</summary>
    public const int PlacementStartVisitDays = 7;

    /// <summary>Looked-after visits at intervals of not more than 6 weeks (national; regulation 28(2)(b) and (c)(ii)).</summary>
    public const int LookedAfterVisitWeeks = 6;

    /// <summary>Looked-after visits after the first year of a placement meant to last until 18: not more than 3 months (national; regulation 28(2)(c)(i)).</summary>
    public const int LongTermPlacementVisitMonths = 3;

    /// <summary>Regulation 28(4)(b): after the first review, a child with a parent under an interim care order is visited at least every 4 weeks.</summary>
    public const int InterimCareOrderWithParentWeeks = 4;

    /// <summary>Regulation 48(3): short breaks are first visited and reviewed within 3 months of the first placement.</summary>
    public const int ShortBreakFirstMonths = 3;

    /// <summary>Regulation 48(3): then at intervals of not more than 6 months.</summary>
    public const int ShortBreakIntervalMonths = 6;

    private const int DaysInWeek = 7;

    public StatutoryTimescales(WorkingDayCalendar calendar, LocalTimescales local)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(local);

        Calendar = calendar;
        Local = local.EnsureValid();
    }

    public WorkingDayCalendar Calendar { get; }

    public LocalTimescales Local { get; }

    /// <summary>Child and family assessment completed: 45 working days from the referral date. National (Working Together 2023).</summary>
    public DateOnly AssessmentDue(DateOnly referralDate) =>
        Calendar.AddWorkingDays(referralDate, AssessmentWorkingDays);

    /// <summary>
    /// Strategy discussion held: <see cref="LocalTimescales.StrategyDiscussionWorkingDays"/> working days from the
    /// referral or decision that significant harm is suspected (0: the same day, even a weekend). Local: there is
    /// no national figure, only "as soon as possible" (domain.md).
    /// </summary>
    public DateOnly StrategyDiscussionDue(DateOnly referralOrDecisionDate) =>
        Calendar.AddWorkingDays(referralOrDecisionDate, Local.StrategyDiscussionWorkingDays);

    /// <summary>Section 47 enquiry concluded: <see cref="LocalTimescales.Section47EnquiryWorkingDays"/> working days from the strategy discussion. Local: no national figure.</summary>
    public DateOnly Section47EnquiryDue(DateOnly strategyDiscussionDate) =>
        Calendar.AddWorkingDays(strategyDiscussionDate, Local.Section47EnquiryWorkingDays);

    /// <summary>
    /// Initial child protection conference (the CIN census InitialCPCtarget): 15 working days from the strategy
    /// discussion that started the section 47 enquiry (the last one, where there were several). National
    /// (Working Together 2023). A working day, so census query 8870Q (target on a weekend) cannot fire.
    /// </summary>
    public DateOnly InitialConferenceDue(DateOnly strategyDiscussionDate) =>
        Calendar.AddWorkingDays(strategyDiscussionDate, InitialConferenceWorkingDays);

    /// <summary>First core group: the council's <see cref="LocalTimescales.FirstCoreGroupWorkingDays"/> working days from the initial conference (10 at the most).</summary>
    public DateOnly FirstCoreGroupDue(DateOnly initialConferenceDate) =>
        Calendar.AddWorkingDays(initialConferenceDate, Local.FirstCoreGroupWorkingDays);

    /// <summary>
    /// Child protection review conference: the first within 3 calendar months of the initial conference, then not
    /// more than 6 calendar months after the latest review. National (Working Together 2023).
    /// </summary>
    /// <param name="initialConferenceDate">The initial child protection conference that made the plan.</param>
    /// <param name="latestReviewDate">The latest review conference held under this plan; null before the first.</param>
    public DateOnly ChildProtectionReviewDue(DateOnly initialConferenceDate, DateOnly? latestReviewDate)
    {
        EnsureNotBefore(latestReviewDate, initialConferenceDate, nameof(latestReviewDate), "the initial conference");
        return latestReviewDate is { } latest
            ? latest.AddMonths(ChildProtectionReviewMonths)
            : initialConferenceDate.AddMonths(FirstChildProtectionReviewMonths);
    }

    /// <summary>
    /// Child protection statutory visit: <see cref="LocalTimescales.ChildProtectionVisitWorkingDays"/> working days
    /// after the latest visit, or after the plan start when there has been none. Local (domain.md: e.g. 10).
    /// </summary>
    public DateOnly ChildProtectionVisitDue(DateOnly planStartDate, DateOnly? latestVisitDate)
    {
        EnsureNotBefore(latestVisitDate, planStartDate, nameof(latestVisitDate), "the plan start");
        return Calendar.AddWorkingDays(latestVisitDate ?? planStartDate, Local.ChildProtectionVisitWorkingDays);
    }

    /// <summary>
    /// Child in need plan review: the first <see cref="LocalTimescales.ChildInNeedFirstReviewWorkingDays"/> working
    /// days from the plan start, then <see cref="LocalTimescales.ChildInNeedReviewWeeks"/> calendar weeks after the
    /// latest review. Local (domain.md: e.g. 10–15 working days, then at least every 12 weeks).
    /// </summary>
    public DateOnly ChildInNeedReviewDue(DateOnly planStartDate, DateOnly? latestReviewDate)
    {
        EnsureNotBefore(latestReviewDate, planStartDate, nameof(latestReviewDate), "the plan start");
        return latestReviewDate is { } latest
            ? latest.AddDays(Local.ChildInNeedReviewWeeks * DaysInWeek)
            : Calendar.AddWorkingDays(planStartDate, Local.ChildInNeedFirstReviewWorkingDays);
    }

    /// <summary>
    /// Child in need visit: <see cref="LocalTimescales.ChildInNeedVisitWorkingDays"/> working days after the latest
    /// visit, or after the plan start when there has been none. Local: no national figure.
    /// </summary>
    public DateOnly ChildInNeedVisitDue(DateOnly planStartDate, DateOnly? latestVisitDate)
    {
        EnsureNotBefore(latestVisitDate, planStartDate, nameof(latestVisitDate), "the plan start");
        return Calendar.AddWorkingDays(latestVisitDate ?? planStartDate, Local.ChildInNeedVisitWorkingDays);
    }

    /// <summary>
    /// Looked-after review, regulation 33 of the Care Planning, Placement and Case Review (England) Regulations
    /// 2010. National. The first within 20 working days of the date the child became looked after; the second
    /// not more than 3 calendar months after the first; each later one not more than 6 calendar months after the
    /// previous. Each is counted from the date a review was actually held, not from when it was due.
    /// </summary>
    /// <param name="becameLookedAfterDate">The start of the current period of care (SSDA903 DECOM of its first episode).</param>
    /// <param name="reviewsHeld">The dates of the reviews held in this period of care, in any order.</param>
    /// <param name="shortBreaks">
    /// The child is accommodated for a series of short breaks (V3, V4): regulation 48(3) reviews within 3 months of the
    /// start of the first placement, then at intervals of not more than 6 months.
    /// </param>
    public DateOnly LookedAfterReviewDue(DateOnly becameLookedAfterDate, IReadOnlyCollection<DateOnly> reviewsHeld, bool shortBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(reviewsHeld);
        if (shortBreaks)
        {
            return reviewsHeld.Count == 0 ? becameLookedAfterDate.AddMonths(ShortBreakFirstMonths) : reviewsHeld.Max().AddMonths(ShortBreakIntervalMonths);
        }

        if (reviewsHeld.Count == 0)
        {
            return Calendar.AddWorkingDays(becameLookedAfterDate, FirstLookedAfterReviewWorkingDays);
        }

        var latest = reviewsHeld.Max();
        EnsureNotBefore(reviewsHeld.Min(), becameLookedAfterDate, nameof(reviewsHeld), "the child became looked after");
        return latest.AddMonths(reviewsHeld.Count == 1 ? SecondLookedAfterReviewMonths : LookedAfterReviewMonths);
    }

    /// <summary>
    /// Looked-after visit, regulation 28(2) of the Care Planning, Placement and Case Review (England) Regulations
    /// 2010. National; calendar days, weeks and months throughout. Within 7 days of the start of any placement,
    /// so a placement change starts the pattern again; then at intervals of not more than 6 weeks in the first
    /// year of the placement; after that, not more than 3 months where the placement is intended to last until
    /// the child is 18, otherwise still 6 weeks.
    /// </summary>
    /// <remarks>
    /// The interval follows the date of the last visit: a visit made in the placement's first year (before its
    /// first anniversary) is followed within 6 weeks even when that runs past the anniversary. This is the
    /// stricter reading of "for the first year of any placement"; a visit on or after the anniversary of a
    /// long-term placement is followed within 3 months. Regulation 28(3) (a parent's placement before the assessment is
    /// complete), 28(4) (a connected person's temporary approval, or a child living with a parent under an interim care
    /// order), 28(5) (with a parent under a care order) and regulation 48 (short breaks) are applied through <c>rule</c>.
    /// Regulation 28(6) (living arrangements made by another person) is not: the copies of its text available here break
    /// off before its figures, so those children follow 28(2).
    /// </remarks>
    /// <param name="placementStartDate">The start of the current placement.</param>
    /// <param name="lastVisitInPlacement">The last visit since this placement started; null when there has been none.</param>
    /// <param name="intendedToLastUntilEighteen">The placement is intended to last until the child is 18 (regulation 28(2)(c)(i)).</param>
    /// <param name="rule">
    /// Which paragraph applies (<see cref="LookedAfterVisitRule"/>): a child living with a parent under an interim care
    /// order (28(4): weekly until the first review, then at intervals of not more than 4 weeks) or a care order (28(5):
    /// within a week of the order, then not more than 6 weeks); short breaks (48(3)(c): within 3 months of the start of
    /// the first placement, here <paramref name="placementStartDate"/>, then not more than 6 months).
    /// </param>
    public DateOnly LookedAfterVisitDue(DateOnly placementStartDate, DateOnly? lastVisitInPlacement, bool intendedToLastUntilEighteen, LookedAfterVisitRule rule = default)
    {
        EnsureNotBefore(lastVisitInPlacement, placementStartDate, nameof(lastVisitInPlacement), "the placement started");
        switch (rule.Regime)
        {
            case VisitRegime.ShortBreaks:
                return lastVisitInPlacement is { } lastBreakVisit ? lastBreakVisit.AddMonths(ShortBreakIntervalMonths) : placementStartDate.AddMonths(ShortBreakFirstMonths);
            case VisitRegime.WithParentInterimCareOrder or VisitRegime.ConnectedPersonTemporaryApproval or VisitRegime.WithParentBeforeAssessment:
                // 28(3) and (4): at least once a week until the first review, then at intervals of 4 weeks (28(4)) or 6 weeks (28(3)).
                var weeksAfterReview = rule.Regime == VisitRegime.WithParentBeforeAssessment ? LookedAfterVisitWeeks : InterimCareOrderWithParentWeeks;
                return lastVisitInPlacement is not { } lastWeekly ? placementStartDate.AddDays(PlacementStartVisitDays)
                    : rule.FirstReviewOn is { } firstReview && lastWeekly >= firstReview ? lastWeekly.AddDays(weeksAfterReview * DaysInWeek)
                    : lastWeekly.AddDays(DaysInWeek);
            case VisitRegime.WithParentCareOrder:
                var ordered = rule.CareOrderOn ?? placementStartDate;
                return lastVisitInPlacement is { } lastUnderOrder && lastUnderOrder >= ordered
                    ? lastUnderOrder.AddDays(LookedAfterVisitWeeks * DaysInWeek)
                    : ordered.AddDays(PlacementStartVisitDays);
        }

        if (lastVisitInPlacement is not { } last)
        {
            return placementStartDate.AddDays(PlacementStartVisitDays);
        }

        var inFirstYear = last < placementStartDate.AddYears(1);
        return inFirstYear || !intendedToLastUntilEighteen
            ? last.AddDays(LookedAfterVisitWeeks * DaysInWeek)
            : last.AddMonths(LongTermPlacementVisitMonths);
    }

    /// <summary>The RAG status of <paramref name="item"/> on <paramref name="today"/>, with this deployment's amber window.</summary>
    public RagStatus StatusOf(DueItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.StatusOn(today, Calendar, Local.AmberWorkingDays);
    }

    // An event recorded before the one it follows is a caller's mistake (the wrong plan, placement or period of
    // care); computing from it would quietly give a due date that is too early or too late.
    private static void EnsureNotBefore(DateOnly? date, DateOnly start, string parameter, string startName)
    {
        if (date is { } value && value < start)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"The date cannot be before {startName} ({start:yyyy-MM-dd}).");
        }
    }
}
