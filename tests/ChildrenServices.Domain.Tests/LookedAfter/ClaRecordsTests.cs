using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

public sealed class ClaRecordsTests
{
    private static readonly Guid Iro = Guid.CreateVersion7();

    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    [Fact]
    public void AReview_IsRecordedWithItsParticipationAndOfficer_InDateOrder()
    {
        var period = StartedWithSmith();

        period.RecordReview(D(6, 30), "pn1", Iro, Today);
        period.RecordReview(D(1, 30), "PN6", Iro, Today);

        Assert.Equal([(D(1, 30), "PN6"), (D(6, 30), "PN1")], period.Reviews.Select(r => (r.HeldOn, r.ParticipationCode)));
        Assert.All(period.Reviews, r => Assert.Equal((Iro, period.Id), (r.ReviewingOfficerId, r.PeriodOfCareId)));
    }

    public static TheoryData<DateOnly, string, string> RefusedReviewDates => new()
    {
        { StartDay.AddDays(-1), "HeldOn", "The date of the review cannot be before the child started to be looked after, on 5 January 2026" },
        { Today.AddDays(1), "HeldOn", "The date of the review must be today or in the past" },
    };

    [Theory]
    [MemberData(nameof(RefusedReviewDates))]
    public void AReviewOutsideThePeriodOrInTheFuture_IsRefused(DateOnly heldOn, string field, string message)
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.RecordReview(heldOn, "PN1", Iro, Today));

        Assert.Equal((field, message), (ex.Field, ex.Message));
        Assert.Empty(period.Reviews);
    }

    [Fact]
    public void AReviewAfterCareEnded_IsRefused_ButOneHeldBefore_CanStillBeRecorded()
    {
        var period = StartedWithSmith();
        period.End(D(6, 1), "E4A", Today);

        var after = Refused(() => period.RecordReview(D(6, 2), "PN1", Iro, Today));
        period.RecordReview(D(1, 28), "PN1", Iro, Today);

        Assert.Equal(("HeldOn", "The date of the review cannot be after the child stopped being looked after, on 1 June 2026"), (after.Field, after.Message));
        Assert.Equal(D(1, 28), Assert.Single(period.Reviews).HeldOn);
    }

    [Fact]
    public void AReview_NeedsAKnownParticipationCode_AnOfficer_AndOneDate()
    {
        var period = StartedWithSmith();
        period.RecordReview(D(1, 30), "PN1", Iro, Today);

        var code = Refused(() => period.RecordReview(D(2, 2), "PN8", Iro, Today));
        var officer = Refused(() => period.RecordReview(D(2, 2), "PN1", Guid.Empty, Today));
        var twice = Refused(() => period.RecordReview(D(1, 30), "PN2", Iro, Today));

        Assert.Equal(("ParticipationCode", "'PN8' is not an SSDA903 review participation code"), (code.Field, code.Message));
        Assert.Equal("ReviewingOfficerId", officer.Field);
        Assert.Equal(("HeldOn", "A review on 30 January 2026 is already recorded"), (twice.Field, twice.Message));
        Assert.Single(period.Reviews);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void AVisit_RecordsWhetherTheChildWasSeen_AndSeenAlone(bool seen, bool alone)
    {
        var period = StartedWithSmith();

        period.RecordVisit(D(1, 9), seen, alone, Today);

        var visit = Assert.Single(period.Visits);
        Assert.Equal((D(1, 9), seen, alone), (visit.VisitedOn, visit.ChildSeen, visit.SeenAlone));
    }

    [Fact]
    public void SeenAloneWithoutBeingSeen_IsRefused()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.RecordVisit(D(1, 9), childSeen: false, seenAlone: true, Today));

        Assert.Equal(("SeenAlone", "A child seen alone was seen: say the child was seen, or that they were not seen alone"), (ex.Field, ex.Message));
        Assert.Empty(period.Visits);
    }

    [Fact]
    public void AVisitBeforeCareStarted_OrInTheFuture_IsRefused()
    {
        var period = StartedWithSmith();

        var before = Refused(() => period.RecordVisit(D(1, 4), true, true, Today));
        var future = Refused(() => period.RecordVisit(Today.AddDays(1), true, true, Today));

        Assert.Equal(["VisitedOn", "VisitedOn"], new[] { before.Field, future.Field });
        Assert.StartsWith("The date of the visit cannot be before the child started to be looked after", before.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingEpisode_IsRecorded_ThenTheReturn_ThenTheReturnInterview()
    {
        var period = StartedWithSmith();

        var missing = period.RecordMissing("m", D(4, 10), endedOn: null, Today);
        period.RecordReturn(missing.Id, D(4, 12), Today);
        period.RecordReturnInterview(missing.Id, offered: true, accepted: true, heldOn: D(4, 14), Today);

        var recorded = Assert.Single(period.MissingEpisodes);
        Assert.Equal(("M", D(4, 10), (DateOnly?)D(4, 12), (bool?)true, (bool?)true, (DateOnly?)D(4, 14)),
            (recorded.Type, recorded.StartedOn, recorded.EndedOn, recorded.ReturnInterviewOffered, recorded.ReturnInterviewAccepted, recorded.ReturnInterviewHeldOn));
    }

    [Fact]
    public void AMissingEpisode_BeforeCareStarted_OrOfAnUnknownType_IsRefused()
    {
        var period = StartedWithSmith();

        var before = Refused(() => period.RecordMissing("A", D(1, 4), null, Today));
        var type = Refused(() => period.RecordMissing("X", D(2, 1), null, Today));

        Assert.Equal(("StartedOn", "The date the child went missing cannot be before the child started to be looked after, on 5 January 2026"), (before.Field, before.Message));
        Assert.Equal("MissingType", type.Field);
        Assert.Empty(period.MissingEpisodes);
    }

    [Fact]
    public void AReturnBeforeTheChildWentMissing_OrInTheFuture_IsRefused()
    {
        var period = StartedWithSmith();
        var missing = period.RecordMissing("M", D(4, 10), null, Today);

        var backwards = Refused(() => period.RecordMissing("A", D(5, 10), D(5, 9), Today));
        var future = Refused(() => period.RecordReturn(missing.Id, Today.AddDays(1), Today));

        Assert.Equal(("EndedOn", "The date the child came back cannot be before they went missing, on 10 May 2026 (DfE rule 567)"), (backwards.Field, backwards.Message));
        Assert.Equal("EndedOn", future.Field);
        Assert.True(missing.IsOpen);
    }

    [Fact]
    public void MissingEpisodes_CannotOverlap_ButOneCanStartTheDayTheLastEnded()
    {
        var period = StartedWithSmith();
        var first = period.RecordMissing("M", D(4, 10), null, Today);

        var whileOpen = Refused(() => period.RecordMissing("A", D(4, 11), D(4, 11), Today));
        period.RecordReturn(first.Id, D(4, 12), Today);
        var overlapping = Refused(() => period.RecordMissing("A", D(4, 11), D(4, 13), Today));
        period.RecordMissing("A", D(4, 12), D(4, 13), Today);

        Assert.Equal(("StartedOn", "The child is already recorded as missing or away since 10 April 2026: record when that ended first (DfE rule 574)"), (whileOpen.Field, whileOpen.Message));
        Assert.Equal(("StartedOn", "This overlaps the time the child was missing or away from 10 April 2026 to 12 April 2026 (DfE rule 574)"), (overlapping.Field, overlapping.Message));
        Assert.Equal(["M", "A"], period.MissingEpisodes.Select(m => m.Type));
    }

    [Fact]
    public void AcceptedWithoutOffered_IsRefused()
    {
        var period = StartedWithSmith();
        var missing = period.RecordMissing("M", D(4, 10), D(4, 11), Today);

        var ex = Refused(() => period.RecordReturnInterview(missing.Id, offered: false, accepted: true, heldOn: null, Today));

        Assert.Equal(("ReturnInterviewAccepted", "A return interview can only be accepted if it was offered"), (ex.Field, ex.Message));
        Assert.Null(missing.ReturnInterviewOffered);
    }

    [Fact]
    public void AReturnInterview_NeedsTheChildBack_AndADateOnlyIfAcceptedAndNotBeforeTheReturn()
    {
        var period = StartedWithSmith();
        var stillMissing = period.RecordMissing("M", D(4, 10), null, Today);
        var back = period.RecordMissing("A", D(3, 1), D(3, 3), Today);

        var notBack = Refused(() => period.RecordReturnInterview(stillMissing.Id, true, true, null, Today));
        var declinedWithDate = Refused(() => period.RecordReturnInterview(back.Id, true, false, D(3, 4), Today));
        var beforeReturn = Refused(() => period.RecordReturnInterview(back.Id, true, true, D(3, 2), Today));
        period.RecordReturnInterview(back.Id, offered: true, accepted: false, heldOn: null, Today);

        Assert.Equal(["ReturnInterviewOffered", "ReturnInterviewHeldOn", "ReturnInterviewHeldOn"], new[] { notBack.Field, declinedWithDate.Field, beforeReturn.Field });
        Assert.Equal(((bool?)true, (bool?)false), (back.ReturnInterviewOffered, back.ReturnInterviewAccepted));
    }

    [Fact]
    public void CareCannotEnd_WhileTheChildIsRecordedAsMissing()
    {
        var period = StartedWithSmith();
        var missing = period.RecordMissing("M", D(8, 1), null, Today);

        var ex = Refused(() => period.End(D(9, 1), "E8", Today));
        period.RecordReturn(missing.Id, D(9, 1), Today);
        period.End(D(9, 1), "E8", Today);

        Assert.Equal(("EndedOn", "The child is recorded as missing or away since 1 August 2026: record when that ended before ending care (DfE rule 577)"), (ex.Field, ex.Message));
        Assert.False(period.IsOpen);
    }

    [Fact]
    public void CareCannotEnd_BeforeAVisitAlreadyRecorded()
    {
        var period = StartedWithSmith();
        period.RecordVisit(D(9, 10), true, true, Today);

        var ex = Refused(() => period.End(D(9, 1), "E4A", Today));

        Assert.Equal(("EndedOn", "A review, visit, missing episode or deprivation of liberty order is recorded on 10 September 2026, after that date"), (ex.Field, ex.Message));
    }

    /// <summary>SSDA903 rules 440 and 441: PN0 only for a child under 4 on the day of the review, PN1–PN7 only from 4.</summary>
    [Theory]
    [InlineData("PN0", 2022, 7, 1, null)]
    [InlineData("PN1", 2022, 7, 1, "The child was under 4 on 30 June 2026: select 'Child aged under 4 at the time of the review' (PN0)")]
    [InlineData("PN0", 2022, 6, 30, "The child was 4 or over on 30 June 2026: PN0 is only for a child under 4, so select how they took part")]
    [InlineData("PN4", 2022, 6, 30, null)]
    public void Participation_MustFitTheChildsAgeOnTheDay(string code, int year, int month, int day, string? refusal)
    {
        var period = StartedWithSmith();
        var born = new DateOnly(year, month, day);

        if (refusal is null)
        {
            period.RecordReview(D(6, 30), code, Iro, Today, born);
            Assert.Single(period.Reviews);
            return;
        }

        var ex = Refused(() => period.RecordReview(D(6, 30), code, Iro, Today, born));
        Assert.Equal(("ParticipationCode", refusal), (ex.Field, ex.Message));
        Assert.Empty(period.Reviews);
    }
}
