using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.Recording;

/// <summary>
/// A review's date recorded wrongly is corrected under the rules it was recorded under, and keeps its place among the
/// reviews; who may correct it: the worker who recorded it within a week, or (decided by the handler) a manager.
/// </summary>
public sealed class ReviewCorrectionTests
{
    // A Thursday, so the weekdays around it are easy to name.
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Guid Chair = Guid.CreateVersion7();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static ChildProtectionPlan CpPlan(DateOnly conference)
    {
        var referral = new Referral(Guid.CreateVersion7(), null, conference.AddDays(-30), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var enquiry = new ChildProtectionEnquiry(referral, conference.AddDays(-14), "Police, school", true, "Disclosure.", Calendar, Today);
        enquiry.RecordSection47Outcome(conference.AddDays(-7), "Significant harm likely.", true, Today);
        enquiry.RecordConference(conference, ConferenceOutcome.ChildProtectionPlan, "NEG", Chair, Today);
        return new ChildProtectionPlan(enquiry);
    }

    [Fact]
    public void Rule8875_AReviewConferenceCorrectedOntoAWeekend_IsRefused_AndTheDateStays()
    {
        var plan = CpPlan(new DateOnly(2026, 6, 4));
        var review = plan.RecordReview(new DateOnly(2026, 9, 3), true, "NEG", "Plan continues.", Chair, Today);

        var ex = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(review.Id, new DateOnly(2026, 9, 5), Today));

        Assert.Equal("HeldOn", ex.Field);
        Assert.Contains("Saturday", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 3), review.HeldOn);
        Assert.Equal(new DateOnly(2026, 9, 3), plan.CorrectReviewDate(review.Id, new DateOnly(2026, 9, 2), Today));
        Assert.Equal(new DateOnly(2026, 9, 2), review.HeldOn);
    }

    [Fact]
    public void ACorrection_KeepsTheReviewInItsPlace_AndIsNotTheSameDate_NorInTheFuture_NorOnTheInitialConference()
    {
        var plan = CpPlan(new DateOnly(2026, 6, 4));
        var first = plan.RecordReview(new DateOnly(2026, 9, 3), true, "NEG", "Continues.", Chair, Today);
        var second = plan.RecordReview(new DateOnly(2026, 11, 26), true, "NEG", "Continues.", Chair, Today);

        var pastNext = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(first.Id, new DateOnly(2026, 11, 26), Today));
        var beforePrevious = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(second.Id, new DateOnly(2026, 9, 2), Today));
        var same = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(first.Id, new DateOnly(2026, 9, 3), Today));
        var future = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(second.Id, Today.AddDays(1), Today));
        var onConference = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(first.Id, new DateOnly(2026, 6, 4), Today));

        Assert.Equal("The review conference after this one was on 26 November 2026: the corrected date must be before it", pastNext.Message);
        Assert.Equal("The review conference before this one was on 3 September 2026: the corrected date must be after it", beforePrevious.Message);
        Assert.Equal("That is the date already recorded: enter the correct date", same.Message);
        Assert.Equal("The date must be today or in the past", future.Message);
        Assert.StartsWith("A review conference must be after the initial conference", onConference.Message, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 9, 3), new DateOnly(2026, 11, 26)), (first.HeldOn, second.HeldOn));
    }

    [Fact]
    public void AReviewThatEndedThePlan_MovesThePlansEndWithIt_ButNotBeforeAVisit()
    {
        var plan = CpPlan(new DateOnly(2026, 6, 4));
        plan.RecordVisit(new DateOnly(2026, 10, 1), true, true, Today);
        var ending = plan.RecordReview(new DateOnly(2026, 11, 5), false, null, "Risk reduced; the plan ends.", Chair, Today);

        var beforeVisit = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(ending.Id, new DateOnly(2026, 9, 30), Today));
        Assert.Equal(new DateOnly(2026, 11, 5), plan.EndedOn);
        plan.CorrectReviewDate(ending.Id, new DateOnly(2026, 11, 12), Today);

        Assert.StartsWith("This review ended the plan", beforeVisit.Message, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 11, 12), new DateOnly(2026, 11, 12)), (ending.HeldOn, plan.EndedOn!.Value));
    }

    [Fact]
    public void AChildInNeedReview_IsCorrectedWithinThePlan()
    {
        var referral = new Referral(Guid.CreateVersion7(), null, Today.AddDays(-120), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var plan = new ChildInNeedPlan(referral, Today.AddDays(-100), Today);
        var review = plan.RecordReview(Today.AddDays(-10), "Progress.", Today, Chair);

        var beforePlan = Assert.Throws<DomainRuleException>(() => plan.CorrectReviewDate(review.Id, Today.AddDays(-101), Today));
        plan.CorrectReviewDate(review.Id, Today.AddDays(-12), Today);

        Assert.Equal("HeldOn", beforePlan.Field);
        Assert.Equal((Today.AddDays(-12), (Guid?)Chair, (DateOnly?)Today), (review.HeldOn, review.RecordedById, review.RecordedOn));
    }

    [Fact]
    public void Rules440And441_ALookedAfterReviewCorrectedAcrossTheFourthBirthday_MustStillFitItsParticipationCode()
    {
        var born = Today.AddYears(-4).AddDays(-5);
        var period = PeriodOfCare.Start(Guid.CreateVersion7(), Today.AddDays(-90), "C2", "N1", new Placement("U4", "PR1", "NB3 4QT", "Ashworth family", false, "SC482910"), born, Today,
            previousPermanence: new PreviousPermanence(PreviousPermanence.None, null, null, null, null));
        var review = period.RecordReview(Today.AddDays(-2), "PN1", Chair, Today, born);

        var underFour = Assert.Throws<DomainRuleException>(() => period.CorrectReviewDate(review.Id, Today.AddDays(-10), Today, born));
        period.CorrectReviewDate(review.Id, Today.AddDays(-4), Today, born);

        Assert.Equal("HeldOn", underFour.Field);
        Assert.Equal(Today.AddDays(-4), review.HeldOn);
    }

    [Fact]
    public void TheRecorder_MayCorrectForAWeek_NobodyElseByThisRule_AndAReasonIsRequired()
    {
        var recorder = Guid.CreateVersion7();

        Assert.True(Correction.RecorderMayCorrect(recorder, Today.AddDays(-Correction.RecorderWindowDays), recorder, Today));
        Assert.False(Correction.RecorderMayCorrect(recorder, Today.AddDays(-Correction.RecorderWindowDays - 1), recorder, Today));
        Assert.False(Correction.RecorderMayCorrect(recorder, Today, Guid.CreateVersion7(), Today));
        Assert.False(Correction.RecorderMayCorrect(null, null, recorder, Today));
        var ex = Assert.Throws<DomainRuleException>(() => new Correction(Guid.CreateVersion7(), CorrectedRecord.ChildInNeedReview, Guid.CreateVersion7(), Today, Today.AddDays(-1), " ", recorder, false, DateTime.UtcNow));
        Assert.Equal("Reason", ex.Field);
    }

    [Fact]
    public void AVisitsDate_IsCorrectedWithinThePlanOrPeriod_NotInTheFuture_AndKeepsWhoRecordedIt()
    {
        var referral = new Referral(Guid.CreateVersion7(), null, Today.AddDays(-120), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var cin = new ChildInNeedPlan(referral, Today.AddDays(-100), Today);
        var cinVisit = cin.RecordVisit(Today.AddDays(-3), true, true, Today, Chair);
        var cp = CpPlan(new DateOnly(2026, 6, 4));
        var cpVisit = cp.RecordVisit(new DateOnly(2026, 7, 1), true, false, Today, Chair);
        var period = PeriodOfCare.Start(Guid.CreateVersion7(), Today.AddDays(-90), "C2", "N1", new Placement("U4", "PR1", "NB3 4QT", "Ashworth family", false, "SC482910"), Today.AddYears(-9), Today,
            previousPermanence: new PreviousPermanence(PreviousPermanence.None, null, null, null, null));
        var claVisit = period.RecordVisit(Today.AddDays(-5), true, true, Today, Chair);

        var beforePlan = Assert.Throws<DomainRuleException>(() => cin.CorrectVisitDate(cinVisit.Id, Today.AddDays(-101), Today));
        var future = Assert.Throws<DomainRuleException>(() => cp.CorrectVisitDate(cpVisit.Id, Today.AddDays(1), Today));
        var beforeCare = Assert.Throws<DomainRuleException>(() => period.CorrectVisitDate(claVisit.Id, Today.AddDays(-91), Today));
        var same = Assert.Throws<DomainRuleException>(() => cp.CorrectVisitDate(cpVisit.Id, new DateOnly(2026, 7, 1), Today));
        Assert.All(new[] { beforePlan, future, beforeCare, same }, ex => Assert.Equal("HeldOn", ex.Field));

        Assert.Equal(Today.AddDays(-3), cin.CorrectVisitDate(cinVisit.Id, Today.AddDays(-4), Today));
        cp.CorrectVisitDate(cpVisit.Id, new DateOnly(2026, 6, 30), Today);
        period.CorrectVisitDate(claVisit.Id, Today.AddDays(-6), Today);
        Assert.Equal((Today.AddDays(-4), new DateOnly(2026, 6, 30), Today.AddDays(-6)), (cinVisit.VisitedOn, cpVisit.VisitedOn, claVisit.VisitedOn));
        Assert.Equal(((Guid?)Chair, (DateOnly?)Today), (claVisit.RecordedById, claVisit.RecordedOn));
        Assert.Equal(Today.AddDays(-4), cin.LatestVisit);
    }

    [Fact]
    public void Rules1103And2889_AReferralDate_IsNotCorrectedPastWorkOnIt_NorIntoThePreviousEpisode_AndTheAssessmentDueDateFollows()
    {
        var child = Guid.CreateVersion7();
        var earlier = new Referral(child, null, new DateOnly(2025, 11, 14), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        earlier.Close(new DateOnly(2026, 1, 10), "RC8");
        var referral = new Referral(child, null, new DateOnly(2026, 11, 13), "6", "N1", Guid.CreateVersion7(), false, earlier, Calendar);
        Assert.True(referral.IsReReferral);

        var pastWork = Assert.Throws<DomainRuleException>(() => referral.CorrectReferralDate(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 18), earlier, Calendar, Today));
        var future = Assert.Throws<DomainRuleException>(() => referral.CorrectReferralDate(Today.AddDays(1), null, earlier, Calendar, Today));
        var overlap = Assert.Throws<DomainRuleException>(() => referral.CorrectReferralDate(new DateOnly(2026, 1, 9), null, earlier, Calendar, Today));
        var beforeContact = Assert.Throws<DomainRuleException>(() => referral.CorrectReferralDate(new DateOnly(2026, 11, 12), null, earlier, Calendar, Today, contactReceivedOn: new DateOnly(2026, 11, 13)));
        Assert.Equal(("HeldOn", "HeldOn", "HeldOn", "HeldOn"), (pastWork.Field, future.Field, overlap.Field, beforeContact.Field));
        Assert.Equal(new DateOnly(2026, 11, 13), referral.ReferralDate);

        // Corrected to 16 November, the previous referral (14 November 2025) is more than 12 months before: no longer a re-referral.
        Assert.Equal(new DateOnly(2026, 11, 13), referral.CorrectReferralDate(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 18), earlier, Calendar, Today));
        Assert.Equal((new DateOnly(2026, 11, 16), Calendar.AddWorkingDays(new DateOnly(2026, 11, 16), 45), false), (referral.ReferralDate, referral.AssessmentDueOn, referral.IsReReferral));
        Assert.Null(referral.PreviousReferralId);
    }

    [Fact]
    public void Rules8875And2885_AnInitialConferenceCorrected_StaysOnAWeekday_AndThePlanItMadeAndTheChildInNeedPlanItEndedFollow()
    {
        var conference = new DateOnly(2026, 6, 4);
        var referral = new Referral(Guid.CreateVersion7(), null, conference.AddDays(-60), "6", "N1", Guid.CreateVersion7(), false, null, Calendar);
        var childInNeed = new ChildInNeedPlan(referral, conference.AddDays(-40), Today);
        childInNeed.RecordVisit(conference.AddDays(-10), true, true, Today);
        var enquiry = new ChildProtectionEnquiry(referral, conference.AddDays(-14), "Police, school", true, "Disclosure.", Calendar, Today);
        enquiry.RecordSection47Outcome(conference.AddDays(-7), "Significant harm likely.", true, Today);
        enquiry.RecordConference(conference, ConferenceOutcome.ChildProtectionPlan, "NEG", Chair, Today);
        var plan = new ChildProtectionPlan(enquiry);
        childInNeed.EndAsChildProtectionPlanStarts(conference);
        plan.RecordVisit(new DateOnly(2026, 6, 8), true, true, Today);

        var weekend = Assert.Throws<DomainRuleException>(() => enquiry.CorrectConferenceDate(new DateOnly(2026, 6, 6), Today));
        var beforeStrategy = Assert.Throws<DomainRuleException>(() => enquiry.CorrectConferenceDate(conference.AddDays(-15), Today));
        Assert.Equal(("HeldOn", "HeldOn", (DateOnly?)conference), (weekend.Field, beforeStrategy.Field, enquiry.ConferenceHeldOn));
        var afterVisit = Assert.Throws<DomainRuleException>(() => plan.FollowConference(new DateOnly(2026, 6, 9)));
        var beforeChildInNeedVisit = Assert.Throws<DomainRuleException>(() => childInNeed.FollowChildProtectionPlanStart(conference.AddDays(-11)));
        Assert.Equal(("HeldOn", "HeldOn", (DateOnly?)conference), (afterVisit.Field, beforeChildInNeedVisit.Field, childInNeed.EndedOn));

        var corrected = new DateOnly(2026, 6, 3);
        Assert.Equal(conference, enquiry.CorrectConferenceDate(corrected, Today));
        plan.FollowConference(corrected);
        childInNeed.FollowChildProtectionPlanStart(corrected);
        Assert.Equal((corrected, corrected, corrected), (enquiry.ConferenceHeldOn!.Value, plan.StartedOn, childInNeed.EndedOn!.Value));
    }
}
