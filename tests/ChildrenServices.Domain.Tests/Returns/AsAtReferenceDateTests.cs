using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.Returns;

/// <summary>
/// The CIN census is the record as it stood on 31 March (its reference date), read months later: a primary need revised
/// when an assessment was authorised after that day, or a category of abuse changed at a review after it, is returned as
/// it was on the day (rules 8610 and 8910 check what is returned; the DfE compares it with the year before).
/// </summary>
public sealed class AsAtReferenceDateTests
{
    private static readonly DateOnly ReferenceDate = new(2026, 3, 31);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly Guid Manager = Guid.CreateVersion7(), Chair = Guid.CreateVersion7();

    private static Referral ReferredOn(DateOnly on, string need) => new(Guid.CreateVersion7(), null, on, "6", need, Guid.CreateVersion7(), false, null, Calendar);

    private static string NeedOn(DateOnly date, Referral referral) =>
        Referral.PrimaryNeedOn(date, referral.PrimaryNeedCode, referral.PrimaryNeedRevisions.Select(r => (r.RevisedOn, r.FromCode)));

    private static string CategoryOn(DateOnly date, ChildProtectionPlan plan) =>
        ChildProtectionPlan.CategoryOn(date, plan.InitialCategory, plan.LatestCategory, plan.Reviews.Select(r => (r.HeldOn, r.PlanContinues, r.Category)));

    [Fact]
    public void APrimaryNeed_RevisedAfter31March_IsReturnedAsItWasOnTheDay_AndOneRevisedBefore_AsRevised()
    {
        var revisedAfter = ReferredOn(new DateOnly(2026, 3, 2), "N4");
        revisedAfter.RevisePrimaryNeed("N1", new DateOnly(2026, 4, 20), Manager, Guid.CreateVersion7());
        var revisedBefore = ReferredOn(new DateOnly(2026, 1, 5), "N4");
        revisedBefore.RevisePrimaryNeed("N1", new DateOnly(2026, 3, 31), Manager, Guid.CreateVersion7());

        Assert.Equal(("N1", "N4"), (revisedAfter.PrimaryNeedCode, NeedOn(ReferenceDate, revisedAfter)));
        Assert.Equal("N1", NeedOn(ReferenceDate, revisedBefore));
    }

    [Fact]
    public void APrimaryNeed_RevisedTwiceAfter31March_IsTheOneTheFirstRevisionReplaced()
    {
        var referral = ReferredOn(new DateOnly(2025, 12, 1), "N5");
        referral.RevisePrimaryNeed("N4", new DateOnly(2026, 2, 10), Manager, null);
        referral.RevisePrimaryNeed("N1", new DateOnly(2026, 5, 1), Manager, null);
        referral.RevisePrimaryNeed("N2", new DateOnly(2026, 7, 1), Manager, null);

        Assert.Equal("N4", NeedOn(ReferenceDate, referral));
        Assert.Equal("N5", NeedOn(new DateOnly(2026, 2, 9), referral));
        Assert.Equal("N2", NeedOn(new DateOnly(2026, 7, 1), referral));
    }

    private static ChildProtectionPlan PlanFrom(DateOnly conference, string category)
    {
        var referral = ReferredOn(conference.AddDays(-21), "N1");
        var enquiry = new ChildProtectionEnquiry(referral, referral.ReferralDate, "Police, school", true, "Injury.", Calendar, conference);
        enquiry.RecordSection47Outcome(referral.ReferralDate.AddDays(7), "Harm likely.", true, conference);
        enquiry.RecordConference(conference, ConferenceOutcome.ChildProtectionPlan, category, Chair, conference);
        return new ChildProtectionPlan(enquiry);
    }

    [Fact]
    public void ACategory_ChangedAtAReviewAfter31March_IsReturnedAsTheLastReviewBeforeItLeftIt()
    {
        var plan = PlanFrom(new DateOnly(2025, 10, 29), "PHY");
        plan.RecordReview(new DateOnly(2026, 1, 21), true, "EMO", "The plan continues.", Chair, new DateOnly(2026, 1, 21));
        plan.RecordReview(new DateOnly(2026, 4, 15), true, "NEG", "The plan continues.", Chair, new DateOnly(2026, 4, 15));

        Assert.Equal(("NEG", "EMO"), (plan.LatestCategory, CategoryOn(ReferenceDate, plan)));
        Assert.Equal(["EMO", "NEG"], plan.Reviews.Select(r => r.Category));
        Assert.Equal("PHY", CategoryOn(new DateOnly(2026, 1, 20), plan));
    }

    [Fact]
    public void AReviewThatEndedThePlan_KeepsNoCategory_AndTheLatestIsTheOneBeforeIt()
    {
        var plan = PlanFrom(new DateOnly(2025, 6, 4), "SAB");
        plan.RecordReview(new DateOnly(2025, 9, 3), true, "MUL", "The plan continues.", Chair, new DateOnly(2025, 9, 3));
        plan.RecordReview(new DateOnly(2026, 2, 4), false, null, "The plan ends: risks reduced.", Chair, new DateOnly(2026, 2, 4));

        Assert.Null(plan.Reviews[1].Category);
        Assert.Equal("MUL", CategoryOn(ReferenceDate, plan));
    }

    [Fact]
    public void AReviewRecordedBeforeReviewsKeptTheirCategory_LeavesThePlansLatestCategory()
    {
        Assert.Equal("EMO", ChildProtectionPlan.CategoryOn(ReferenceDate, "PHY", "EMO", [(new DateOnly(2026, 1, 21), true, null)]));
        Assert.Equal("PHY", ChildProtectionPlan.CategoryOn(ReferenceDate, "PHY", "EMO", [(new DateOnly(2026, 4, 21), true, null)]));
    }
}
