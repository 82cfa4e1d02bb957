using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;

namespace ChildrenServices.Domain.Tests.SocialCare;

/// <summary>
/// Pre-proceedings and the family group decision-making offer (the CIN census 2026/27 pre-proceedings block): each
/// item recorded in the order the Public Law Outline takes, with the DfE rule it protects, one record that breaks it
/// and one that does not.
/// </summary>
public sealed class PreProceedingsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateOnly Start = Today.AddDays(-60);
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Worker = Guid.CreateVersion7();

    private static Referral Referral() => new(Child, null, Today.AddDays(-200), "6", "N1", Guid.CreateVersion7(), false, null, WorkingDayCalendar.EnglandAndWales);

    private static PreProceedings Started() => new(Referral(), Start, "Neglect continues despite a child protection plan.", Worker, Today);

    private static PreProceedings WithFgdmHeld()
    {
        var record = Started();
        record.RecordLetter(Start.AddDays(5), offered: true, null, Today);
        record.RecordFgdm(accepted: true, Start.AddDays(20), "Grandmother to care for the child at weekends.", null, Today);
        return record;
    }

    [Fact]
    public void PreProceedings_StartOnlyOnAnOpenReferral_NotBeforeItsDate_NorInTheFuture()
    {
        var closed = Referral();
        closed.Close(Today.AddDays(-1), "RC7");

        var onClosed = Assert.Throws<DomainRuleException>(() => new PreProceedings(closed, Today, "Concerns.", Worker, Today));
        var beforeReferral = Assert.Throws<DomainRuleException>(() => new PreProceedings(Referral(), Today.AddDays(-201), "Concerns.", Worker, Today));
        var future = Assert.Throws<DomainRuleException>(() => new PreProceedings(Referral(), Today.AddDays(1), "Concerns.", Worker, Today));
        var noRationale = Assert.Throws<DomainRuleException>(() => new PreProceedings(Referral(), Today, " ", Worker, Today));

        Assert.Equal(("The referral is closed, so pre-proceedings cannot start on it", "StartedOn"), (onClosed.Message, onClosed.Field));
        Assert.Equal("StartedOn", beforeReferral.Field);
        Assert.Equal(("The decision to start pre-proceedings must be today or in the past", "StartedOn"), (future.Message, future.Field));
        Assert.Equal("Rationale", noRationale.Field);
        var record = Started();
        Assert.Equal((Start, true, (DateOnly?)null), (record.StartedOn, record.IsOpen, record.LetterSentOn));
    }

    [Fact]
    public void Rule9006_TheLetterBeforeProceedings_BeforePreProceedingsBegan_IsRefused_OnOrAfterIsKept()
    {
        var record = Started();

        var ex = Assert.Throws<DomainRuleException>(() => record.RecordLetter(Start.AddDays(-1), true, null, Today));
        Assert.Equal(("LetterSentOn", (DateOnly?)null), (ex.Field, record.LetterSentOn));

        record.RecordLetter(Start, true, null, Today);
        Assert.Equal((Start, (bool?)true), (record.LetterSentOn!.Value, record.FgdmOffered));
    }

    [Fact]
    public void Section31ZA_ALetterThatOffersNoMeeting_NeedsTheBestInterestsReason()
    {
        var record = Started();

        var ex = Assert.Throws<DomainRuleException>(() => record.RecordLetter(Start.AddDays(2), offered: false, "  ", Today));
        Assert.Equal(("Say why a family group decision-making meeting is not in the child's best interests", "FgdmNotOfferedReason"), (ex.Message, ex.Field));
        Assert.Null(record.LetterSentOn);

        record.RecordLetter(Start.AddDays(2), offered: false, "A meeting would alert the father, who is subject to a non-molestation order.", Today);
        Assert.Equal(false, record.FgdmOffered);
        Assert.True(record.FgdmSettled);
    }

    [Fact]
    public void Rule9010Q_AnOfferedMeeting_MustBeSettled_BeforeTheDecision()
    {
        var record = Started();
        record.RecordLetter(Start.AddDays(5), offered: true, null, Today);

        var ex = Assert.Throws<DomainRuleException>(() => record.Decide(Today, PreProceedingsOutcome.StepDown, "Progress made.", Worker, Today));
        Assert.Equal(("Record what came of the family group decision-making meeting that was offered first", "DecidedOn"), (ex.Message, ex.Field));
        Assert.True(record.IsOpen);

        record.RecordFgdm(accepted: false, null, null, "The parents did not want their relatives involved.", Today);
        record.Decide(Today, PreProceedingsOutcome.StepDown, "Progress made.", Worker, Today);
        Assert.Equal((Today, PreProceedingsOutcome.StepDown), (record.DecidedOn!.Value, record.Outcome!.Value));
    }

    [Fact]
    public void Rule9007_NoDecision_BeforeTheLetterBeforeProceedings()
    {
        var record = Started();

        var ex = Assert.Throws<DomainRuleException>(() => record.Decide(Today, PreProceedingsOutcome.IssueCareProceedings, "No change.", Worker, Today));

        Assert.Equal(("Record the letter before proceedings first: the decision follows it", "DecidedOn"), (ex.Message, ex.Field));
    }

    [Fact]
    public void TheFamilyMeeting_IsNotBeforeTheLetterThatOfferedIt_AndWhenHeld_KeepsTheFamilysProposal()
    {
        var record = Started();
        var beforeOffer = Assert.Throws<DomainRuleException>(() => record.RecordFgdm(true, Start.AddDays(10), "A plan.", null, Today));
        Assert.Equal("FgdmAccepted", beforeOffer.Field);
        record.RecordLetter(Start.AddDays(5), offered: true, null, Today);

        var beforeLetter = Assert.Throws<DomainRuleException>(() => record.RecordFgdm(true, Start.AddDays(4), "A plan.", null, Today));
        var noProposal = Assert.Throws<DomainRuleException>(() => record.RecordFgdm(true, Start.AddDays(10), " ", null, Today));
        var declinedButHeld = Assert.Throws<DomainRuleException>(() => record.RecordFgdm(false, Start.AddDays(10), "A plan.", null, Today));
        var acceptedNotHeldNoReason = Assert.Throws<DomainRuleException>(() => record.RecordFgdm(true, null, null, null, Today));

        Assert.Equal("FgdmHeldOn", beforeLetter.Field);
        Assert.Equal("FamilyProposal", noProposal.Field);
        Assert.Equal("FgdmHeldOn", declinedButHeld.Field);
        Assert.Equal(("Enter the date the meeting was held, or say why it was not held", "FgdmNotHeldReason"), (acceptedNotHeldNoReason.Message, acceptedNotHeldNoReason.Field));
        Assert.False(record.FgdmSettled);

        record.RecordFgdm(true, Start.AddDays(10), "Aunt to move in for six weeks.", null, Today);
        Assert.Equal((Start.AddDays(10), "Aunt to move in for six weeks.", true), (record.FgdmHeldOn!.Value, record.FamilyProposal, record.FgdmSettled));
    }

    [Fact]
    public void Rule9015Q_Meetings_TheFirstIsTheInitialMeeting_TheRestAreCountedAsReviews()
    {
        var record = Started();
        Assert.Equal(((DateOnly?)null, 0), (record.InitialMeetingOn, record.ReviewMeetingsCount));

        record.RecordMeeting(Start.AddDays(30), "Review: some progress.", Today);
        record.RecordMeeting(Start.AddDays(10), "Initial meeting: expectations agreed.", Today);
        record.RecordMeeting(Start.AddDays(45), "Review: school attendance up.", Today);

        Assert.Equal((Start.AddDays(10), 2), (record.InitialMeetingOn!.Value, record.ReviewMeetingsCount));
        Assert.Equal([Start.AddDays(10), Start.AddDays(30), Start.AddDays(45)], record.Meetings.Select(m => m.HeldOn));
        var sameDay = Assert.Throws<DomainRuleException>(() => record.RecordMeeting(Start.AddDays(30), "Again.", Today));
        var beforeStart = Assert.Throws<DomainRuleException>(() => record.RecordMeeting(Start.AddDays(-1), "Early.", Today));
        Assert.Equal(("HeldOn", "HeldOn", 3), (sameDay.Field, beforeStart.Field, record.Meetings.Count));
    }

    [Fact]
    public void Rule9009_TheDecision_BeforePreProceedingsBegan_OrBeforeARecordedMeeting_IsRefused()
    {
        var record = WithFgdmHeld();
        record.RecordMeeting(Start.AddDays(40), "Review.", Today);

        var beforeStart = Assert.Throws<DomainRuleException>(() => record.Decide(Start.AddDays(-1), PreProceedingsOutcome.StepDown, "Why.", Worker, Today));
        var beforeMeeting = Assert.Throws<DomainRuleException>(() => record.Decide(Start.AddDays(39), PreProceedingsOutcome.StepDown, "Why.", Worker, Today));
        Assert.Equal(("DecidedOn", "DecidedOn", true), (beforeStart.Field, beforeMeeting.Field, record.IsOpen));

        record.Decide(Start.AddDays(40), PreProceedingsOutcome.StepDown, "The family's plan is working.", Worker, Today);
        Assert.False(record.IsOpen);
        var afterDecision = Assert.Throws<DomainRuleException>(() => record.RecordMeeting(Today, "Late.", Today));
        Assert.Equal("HeldOn", afterDecision.Field);
    }

    [Fact]
    public void Rules9012And9013_TheCourtApplication_FollowsTheDecisionToIssue_AndTheParentsLetterFollowsTheApplication()
    {
        var stepDown = WithFgdmHeld();
        stepDown.Decide(Start.AddDays(30), PreProceedingsOutcome.StepDown, "Improved.", Worker, Today);
        var afterStepDown = Assert.Throws<DomainRuleException>(() => stepDown.RecordCourtApplication(Today, null, Today));
        Assert.Equal("CourtApplicationOn", afterStepDown.Field);

        var issue = WithFgdmHeld();
        var beforeDecision = Assert.Throws<DomainRuleException>(() => issue.RecordCourtApplication(Today, null, Today));
        Assert.Equal("CourtApplicationOn", beforeDecision.Field);
        issue.Decide(Start.AddDays(30), PreProceedingsOutcome.IssueCareProceedings, "No change in the home.", Worker, Today);

        var appliedBeforeDecision = Assert.Throws<DomainRuleException>(() => issue.RecordCourtApplication(Start.AddDays(29), null, Today));
        var letterBeforeApplication = Assert.Throws<DomainRuleException>(() => issue.RecordCourtApplication(Start.AddDays(35), Start.AddDays(34), Today));
        Assert.Equal(("CourtApplicationOn", "CourtLetterSentOn"), (appliedBeforeDecision.Field, letterBeforeApplication.Field));
        Assert.Null(issue.CourtApplicationOn);

        issue.RecordCourtApplication(Start.AddDays(35), Start.AddDays(36), Today);
        Assert.Equal((Start.AddDays(35), Start.AddDays(36)), (issue.CourtApplicationOn!.Value, issue.CourtLetterSentOn!.Value));
    }

    [Fact]
    public void TheCase_DoesNotClose_WhilePreProceedingsAreOpen()
    {
        var referral = Referral();
        var open = new ChildCase(Child, [], referral, new OpenOnCase(PreProceedings: true));

        var ex = Assert.Throws<DomainRuleException>(() => open.Close("RC7", Today));

        Assert.Equal(("The child is in pre-proceedings: record the decision to step up or down before the case closes", "ReasonCode"), (ex.Message, ex.Field));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        new ChildCase(Child, [], referral, new OpenOnCase(PreProceedings: false)).Close("RC7", Today);
        Assert.Equal(ReferralStatus.Closed, referral.Status);
    }
}
