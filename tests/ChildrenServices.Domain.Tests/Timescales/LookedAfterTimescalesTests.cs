using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Timescales;
using Xunit;

namespace ChildrenServices.Domain.Tests.Timescales;

// Care Planning, Placement and Case Review (England) Regulations 2010: reviews (regulation 33) and
// visits (regulation 28). Only the first review is in working days; every other limit is calendar
// days, weeks or months, so those due dates can fall on a weekend or bank holiday and are not moved.
public sealed class LookedAfterTimescalesTests
{
    private static readonly StatutoryTimescales Timescales = new(WorkingDayCalendar.EnglandAndWales, LocalTimescales.Defaults);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    public static TheoryData<string, string[], string> Reviews => new()
    {
        // First review: 20 working days from becoming looked after.
        { "2026-12-14", [], "2027-01-14" }, // Christmas, Boxing Day substitute (28th), New Year's Day: 14 January, not 11th
        { "2026-12-24", [], "2027-01-26" },
        { "2027-03-15", [], "2027-04-14" }, // Good Friday and Easter Monday: 14 April, not 12th

        // Second review: 3 calendar months after the first was held.
        { "2027-03-15", ["2027-04-12"], "2027-07-12" },
        { "2027-08-02", ["2027-08-31"], "2027-11-30" }, // no 31 November
        { "2026-12-14", ["2027-01-29"], "2027-04-29" },
        { "2026-12-14", ["2027-01-31"], "2027-04-30" },
        { "2027-11-01", ["2027-11-30"], "2028-02-29" }, // leap year

        // Third and later: 6 calendar months after the previous review.
        { "2027-03-15", ["2027-04-12", "2027-07-05"], "2028-01-05" },
        { "2027-03-15", ["2027-07-05", "2027-04-12"], "2028-01-05" }, // order of the list does not matter
        { "2027-05-03", ["2027-05-28", "2027-08-31"], "2028-02-29" }, // 31 August + 6 months in a leap year
        { "2026-05-04", ["2026-05-29", "2026-08-31"], "2027-02-28" },
        { "2027-03-15", ["2027-04-12", "2027-07-05", "2028-01-05"], "2028-07-05" },
        { "2027-06-01", ["2027-06-28", "2027-09-28", "2028-02-29"], "2028-08-29" },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void LookedAfterReviewDue_Regulation33(string becameLookedAfter, string[] reviewsHeld, string expected)
    {
        var held = reviewsHeld.Select(D).ToArray();

        Assert.Equal(D(expected), Timescales.LookedAfterReviewDue(D(becameLookedAfter), held));
    }

    [Fact]
    public void LookedAfterReviewDue_EachReviewCountsFromWhenTheLastWasHeldNotWhenItWasDue()
    {
        var lookedAfter = D("2027-03-15");

        var first = Timescales.LookedAfterReviewDue(lookedAfter, []);
        Assert.Equal(D("2027-04-14"), first);

        // Held a day early: the second moves a day earlier with it.
        var second = Timescales.LookedAfterReviewDue(lookedAfter, [D("2027-04-13")]);
        Assert.Equal(D("2027-07-13"), second);

        // Held a week late: the third is six months from the late review, not from the missed due date.
        var third = Timescales.LookedAfterReviewDue(lookedAfter, [D("2027-04-13"), D("2027-07-20")]);
        Assert.Equal(D("2028-01-20"), third);
    }

    [Fact]
    public void LookedAfterReviewDue_ReviewBeforeBecomingLookedAfter_Throws()
    {
        // A review from an earlier period of care does not count towards this one.
        Assert.Throws<ArgumentOutOfRangeException>(() => Timescales.LookedAfterReviewDue(D("2027-03-15"), [D("2027-01-10")]));
    }

    public static TheoryData<string, string?, bool, string> Visits => new()
    {
        // Within one week (7 calendar days) of the start of any placement.
        { "2027-02-01", null, false, "2027-02-08" },
        { "2027-02-01", null, true, "2027-02-08" },
        { "2026-12-25", null, false, "2027-01-01" }, // New Year's Day: calendar days, not moved

        // First year of the placement: not more than 6 weeks (42 days), long-term or not.
        { "2027-02-01", "2027-02-05", false, "2027-03-19" },
        { "2027-02-01", "2027-02-05", true, "2027-03-19" },
        { "2027-02-01", "2027-02-12", false, "2027-03-26" }, // a late first visit: 6 weeks from when it happened
        { "2027-02-01", "2027-02-01", false, "2027-03-15" }, // visited on the day of the move

        // After the first year: 3 months if intended to last until 18, otherwise still 6 weeks.
        { "2027-05-10", "2028-04-28", true, "2028-06-09" },  // last visit in the first year: 6 weeks, past the anniversary
        { "2027-05-10", "2028-05-09", true, "2028-06-20" },  // the day before the anniversary is still the first year
        { "2027-05-10", "2028-05-10", true, "2028-08-10" },  // the anniversary starts the second year
        { "2027-05-10", "2028-05-10", false, "2028-06-21" }, // short-term: 6-weekly for as long as it lasts
        { "2027-05-10", "2028-08-31", true, "2028-11-30" },  // no 31 November
        { "2027-05-10", "2028-11-30", true, "2029-02-28" },
        { "2028-02-29", "2029-02-27", true, "2029-04-10" },  // placed on a leap day: first year ends 27 February 2029
        { "2028-02-29", "2029-02-28", true, "2029-05-28" },
    };

    [Theory]
    [MemberData(nameof(Visits))]
    public void LookedAfterVisitDue_Regulation28(string placementStart, string? lastVisit, bool intendedUntilEighteen, string expected)
    {
        Assert.Equal(D(expected), Timescales.LookedAfterVisitDue(D(placementStart), N(lastVisit), intendedUntilEighteen));
    }

    [Fact]
    public void LookedAfterVisitDue_PlacementChange_RestartsThePattern()
    {
        // Looked after from 1 February 2027 in placement A.
        var placementA = D("2027-02-01");
        Assert.Equal(D("2027-02-08"), Timescales.LookedAfterVisitDue(placementA, null, false));
        Assert.Equal(D("2027-03-19"), Timescales.LookedAfterVisitDue(placementA, D("2027-02-05"), false));
        Assert.Equal(D("2027-04-30"), Timescales.LookedAfterVisitDue(placementA, D("2027-03-19"), false));

        // Moves to placement B on 10 May 2027: a visit is due within a week of the move, even though the
        // 6-weekly visit in placement A was made only on 30 April.
        var placementB = D("2027-05-10");
        Assert.Equal(D("2027-05-17"), Timescales.LookedAfterVisitDue(placementB, null, true));
        Assert.Equal(D("2027-06-25"), Timescales.LookedAfterVisitDue(placementB, D("2027-05-14"), true));

        // Placement B's first year runs from its own start, not from when the child became looked after:
        // on 1 February 2028 (a year in care) a visit is still followed within 6 weeks.
        Assert.Equal(D("2028-03-14"), Timescales.LookedAfterVisitDue(placementB, D("2028-02-01"), true));

        // A year into placement B, intended to last until 18: 3-monthly.
        Assert.Equal(D("2028-08-12"), Timescales.LookedAfterVisitDue(placementB, D("2028-05-12"), true));

        // The same dates in a placement not intended to last until 18: still 6-weekly.
        Assert.Equal(D("2028-06-23"), Timescales.LookedAfterVisitDue(placementB, D("2028-05-12"), false));
    }

    [Fact]
    public void LookedAfterVisitDue_VisitBeforeThePlacementStarted_Throws()
    {
        // A visit to the previous placement is not a visit in this one: the caller passes null.
        Assert.Throws<ArgumentOutOfRangeException>(() => Timescales.LookedAfterVisitDue(D("2027-05-10"), D("2027-04-30"), false));
    }

    [Theory]
    // Regulation 28(4): with a parent under an interim care order, weekly until the first review, then every 4 weeks.
    [InlineData(VisitRegime.WithParentInterimCareOrder, "2026-11-24", null, null, null, "2026-12-01")]
    [InlineData(VisitRegime.WithParentInterimCareOrder, "2026-11-24", "2026-11-26", null, null, "2026-12-03")]
    [InlineData(VisitRegime.WithParentInterimCareOrder, "2026-11-24", "2026-12-18", "2026-12-17", null, "2027-01-15")]
    [InlineData(VisitRegime.WithParentInterimCareOrder, "2026-11-24", "2026-12-16", "2026-12-17", null, "2026-12-23")]
    // Regulation 28(5): with a parent under a care order, within a week of the order, then every 6 weeks.
    [InlineData(VisitRegime.WithParentCareOrder, "2026-06-01", "2026-09-01", null, "2026-11-02", "2026-11-09")]
    [InlineData(VisitRegime.WithParentCareOrder, "2026-06-01", "2026-11-05", null, "2026-11-02", "2026-12-17")]
    // Regulation 28(3): placed with a parent before the assessment, weekly until the first review, then every 6 weeks.
    [InlineData(VisitRegime.WithParentBeforeAssessment, "2026-11-24", null, null, null, "2026-12-01")]
    [InlineData(VisitRegime.WithParentBeforeAssessment, "2026-11-24", "2026-11-26", null, null, "2026-12-03")]
    [InlineData(VisitRegime.WithParentBeforeAssessment, "2026-11-24", "2026-12-18", "2026-12-17", null, "2027-01-29")]
    // Regulation 28(4): a connected person on temporary approval (regulation 24), weekly until the first review, then every 4 weeks.
    [InlineData(VisitRegime.ConnectedPersonTemporaryApproval, "2026-11-24", "2026-11-26", null, null, "2026-12-03")]
    [InlineData(VisitRegime.ConnectedPersonTemporaryApproval, "2026-11-24", "2026-12-18", "2026-12-17", null, "2027-01-15")]
    // Regulation 48(3)(c): short breaks, within 3 months of the first placement, then every 6 months.
    [InlineData(VisitRegime.ShortBreaks, "2026-11-24", null, null, null, "2027-02-24")]
    [InlineData(VisitRegime.ShortBreaks, "2026-11-24", "2027-01-10", null, null, "2027-07-10")]
    public void Regulations28And48_TheirOwnVisitFrequencies(VisitRegime regime, string placed, string? lastVisit, string? firstReview, string? careOrder, string expected)
    {
        var due = Timescales.LookedAfterVisitDue(D(placed), N(lastVisit), intendedToLastUntilEighteen: true, new LookedAfterVisitRule(regime, N(firstReview), N(careOrder)));

        Assert.Equal(D(expected), due);
    }

    [Fact]
    public void Regulation48_ShortBreaks_AreReviewedWithin3Months_Then6Monthly_NotUnderRegulation33()
    {
        Assert.Equal(D("2027-02-24"), Timescales.LookedAfterReviewDue(D("2026-11-24"), [], shortBreaks: true));
        Assert.Equal(D("2027-08-20"), Timescales.LookedAfterReviewDue(D("2026-11-24"), [D("2027-02-20")], shortBreaks: true));
        Assert.Equal(D("2026-12-22"), Timescales.LookedAfterReviewDue(D("2026-11-24"), []));
    }

    [Theory]
    [InlineData("V3", "U4", VisitRegime.ShortBreaks)]
    [InlineData("V4", "H5", VisitRegime.ShortBreaks)]
    [InlineData("C1", "P1", VisitRegime.WithParentInterimCareOrder)]
    [InlineData("C2", "P1", VisitRegime.WithParentCareOrder)]
    [InlineData("C2", "U4", VisitRegime.General)]
    [InlineData("V2", "P1", VisitRegime.General)]
    public void TheRegime_FollowsTheLegalStatusAndPlacement(string legalStatus, string placement, VisitRegime expected) =>
        Assert.Equal(expected, LookedAfterVisitRule.RegimeFor(legalStatus, placement));

    [Theory]
    // Before the parent's assessment (regulation 19): 28(3), unless an interim care order asks for more (28(4)); over a care order's 28(5).
    [InlineData("V2", "U3", PlacementApproval.ConnectedPersonTemporary, VisitRegime.ConnectedPersonTemporaryApproval)]
    [InlineData("C2", "U1", PlacementApproval.ConnectedPersonTemporary, VisitRegime.ConnectedPersonTemporaryApproval)]
    [InlineData("C2", "P1", PlacementApproval.ParentBeforeAssessment, VisitRegime.WithParentBeforeAssessment)]
    [InlineData("C1", "P1", PlacementApproval.ParentBeforeAssessment, VisitRegime.WithParentInterimCareOrder)]
    [InlineData("V4", "U3", PlacementApproval.ConnectedPersonTemporary, VisitRegime.ShortBreaks)]
    [InlineData("V2", "U3", PlacementApproval.Approved, VisitRegime.General)]
    public void Regulation28_3And4_FollowTheCarersApproval(string legalStatus, string placement, PlacementApproval approval, VisitRegime expected) =>
        Assert.Equal(expected, LookedAfterVisitRule.RegimeFor(legalStatus, placement, approval));
}
