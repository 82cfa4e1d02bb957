using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>
/// The day an episode began (SSDA903 DECOM), corrected when it was recorded wrongly: the chain stays whole, the episode
/// before ends on the corrected day, and the rules for a placement or a period starting that day apply again (ADR 0029).
/// </summary>
public sealed class EpisodeCorrectionTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    /// <summary>With the Smiths from 5 January, moved to the Joneses on 2 March, then a care order on 1 June.</summary>
    private static (PeriodOfCare Period, CareEpisode First, CareEpisode Move, CareEpisode Order) ThreeEpisodes()
    {
        var period = StartedWithSmith();
        var move = period.ChangePlacement(D(3, 2), Jones, sameCarer: false, Today, reasonForChange: "CARPL");
        var order = period.ChangeLegalStatus(D(6, 1), "C2", Today);
        return (period, period.Episodes[0], move, order);
    }

    [Fact]
    public void Rule355_AMoveCorrected_StaysBetweenTheEpisodesEitherSide_AndTheEpisodeBeforeEndsThatDay()
    {
        var (period, first, move, _) = ThreeEpisodes();

        var old = period.CorrectEpisodeStart(move.Id, D(3, 9), Today, BornOn);

        Assert.Equal(D(3, 2), old);
        Assert.Equal((D(3, 9), D(3, 9)), (move.StartedOn, first.EndedOn));
        Assert.Equal("X1", first.ReasonCeased);
        Assert.Equal("CARPL", first.ReasonForPlacementChange);
        Assert.Equal(
            "The episode before this one began on 5 January 2026: the corrected date must be after it, as an episode lasts at least a day (DfE rule 355)",
            Refused(() => period.CorrectEpisodeStart(move.Id, StartDay, Today, BornOn)).Message);
        Assert.Equal(
            "The episode after this one began on 1 June 2026: the corrected date must be before it, as an episode lasts at least a day (DfE rule 355)",
            Refused(() => period.CorrectEpisodeStart(move.Id, D(6, 1), Today, BornOn)).Message);
        Assert.Equal("That is the date already recorded: enter the correct date", Refused(() => period.CorrectEpisodeStart(move.Id, D(3, 9), Today, BornOn)).Message);
        Assert.Equal("HeldOn", Refused(() => period.CorrectEpisodeStart(move.Id, Today.AddDays(1), Today, BornOn)).Field);
        Assert.Equal(D(3, 9), move.StartedOn);
    }

    [Fact]
    public void Rule355_TheLastEpisodeOfAnEndedPeriod_StaysBeforeTheEnd()
    {
        var (period, _, _, order) = ThreeEpisodes();
        period.End(D(9, 1), "E13", Today);

        var ex = Refused(() => period.CorrectEpisodeStart(order.Id, D(9, 1), Today, BornOn));
        period.CorrectEpisodeStart(order.Id, D(8, 31), Today, BornOn);

        Assert.Equal("The child stopped being looked after on 1 September 2026: the corrected date must be before it (DfE rule 355)", ex.Message);
        Assert.Equal(D(8, 31), order.StartedOn);
    }

    [Fact]
    public void Rule431_ThePeriodsStartCorrected_MovesThePeriod_NotOntoTheDayTheLastEnded_NorPastAnythingRecordedInIt()
    {
        var (period, first, _, _) = ThreeEpisodes();
        period.RecordVisit(D(1, 8), childSeen: true, seenAlone: false, Today);

        var lastEnded = Refused(() => period.CorrectEpisodeStart(first.Id, new DateOnly(2025, 12, 20), Today, BornOn, previousPeriodEndedOn: new DateOnly(2025, 12, 20)));
        var afterVisit = Refused(() => period.CorrectEpisodeStart(first.Id, D(1, 12), Today, BornOn));
        var beforeBirth = Refused(() => period.CorrectEpisodeStart(first.Id, BornOn.AddDays(-1), Today, BornOn));
        period.CorrectEpisodeStart(first.Id, new DateOnly(2025, 12, 21), Today, BornOn, previousPeriodEndedOn: new DateOnly(2025, 12, 20));

        Assert.Equal("The child's last period of care ended on 20 December 2025: this one must start after that day (SSDA903 rule 431)", lastEnded.Message);
        Assert.Equal("A review, visit, missing episode or deprivation of liberty order is recorded on 8 January 2026, before that date: correct it first", afterVisit.Message);
        Assert.Equal("The date the child started to be looked after cannot be before their date of birth, 1 June 2015 (DfE rule 302)", beforeBirth.Message);
        Assert.Equal((new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 21)), (period.StartedOn, first.StartedOn));
    }

    [Fact]
    public void Rule218_AMoveCorrectedInto2025To26_NeedsTheUrnThatYearAsks()
    {
        var noUrn = new Placement("U6", "PR4", "BA1 1AA", "Jones family", false);
        var period = PeriodOfCare.Start(Child, new DateOnly(2025, 1, 6), "C1", "N1", Smith, BornOn, Today);
        var move = period.ChangePlacement(new DateOnly(2025, 3, 20), noUrn, sameCarer: false, Today, reasonForChange: "CARPL");

        var ex = Refused(() => period.CorrectEpisodeStart(move.Id, new DateOnly(2025, 4, 2), Today, BornOn));
        period.CorrectEpisodeStart(move.Id, new DateOnly(2025, 3, 24), Today, BornOn);

        Assert.Equal(("HeldOn", "The U6 placement would then start on 2 April 2025, which the return refuses: Enter the Ofsted URN of the setting or agency, or XXXXXXX for a provider Ofsted does not inspect (DfE rule 218)"), (ex.Field, ex.Message));
        Assert.Equal(new DateOnly(2025, 3, 24), move.StartedOn);
    }

    [Fact]
    public void Rule371_SupportedAccommodationCorrectedToBeforeThe16thBirthday_IsRefused()
    {
        var born = new DateOnly(2010, 5, 10);
        var flat = new Placement("K3", "PR4", "SN5 1AA", "Riverside flats", false, urn: "2400004");
        var period = PeriodOfCare.Start(Child, StartDay, "V2", "N1", Smith, born, Today);
        var move = period.ChangePlacement(D(5, 12), flat, sameCarer: false, Today, reasonForChange: "CHILD", dateOfBirth: born);

        var ex = Refused(() => period.CorrectEpisodeStart(move.Id, D(5, 9), Today, born));
        period.CorrectEpisodeStart(move.Id, D(5, 10), Today, born);

        Assert.Equal(("HeldOn", "The K3 placement would then start on 9 May 2026, which the return refuses: Supported accommodation (K3) is only for young people aged 16 or 17: the child is 16 on 10 May 2026 (DfE rule 371)"), (ex.Field, ex.Message));
        Assert.Equal(D(5, 10), move.StartedOn);
    }

    [Fact]
    public void Rule234_AMoveForCustodyCorrectedToBeforeTheTenthBirthday_IsRefused()
    {
        var born = new DateOnly(2016, 3, 10);
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, born, Today);
        var move = period.ChangePlacement(D(3, 12), Jones, sameCarer: false, Today, reasonForChange: "CUSTOD", dateOfBirth: born);

        var ex = Refused(() => period.CorrectEpisodeStart(move.Id, D(3, 9), Today, born));

        Assert.Equal(("HeldOn", "The U6 placement would then start on 9 March 2026, which the return refuses: A child under 10 cannot change placement because of custody (DfE rule 234)"), (ex.Field, ex.Message));
        Assert.Equal(D(3, 12), move.StartedOn);
    }

    [Fact]
    public void Rule710_AMoveToASecureHomeCorrectedIntoADeprivationOfLibertyOrder_IsRefused()
    {
        var secure = new Placement("K1", "PR1", "SN4 1AA", "Hillside secure unit", false, urn: "SC300003");
        var period = StartedWithSmith();
        period.RecordDeprivationOfLiberty(D(3, 1), D(4, 30), Today);
        var move = period.ChangePlacement(D(6, 1), secure, sameCarer: false, Today, reasonForChange: "CHILD");

        var ex = Refused(() => period.CorrectEpisodeStart(move.Id, D(4, 15), Today, BornOn));
        period.CorrectEpisodeStart(move.Id, D(5, 1), Today, BornOn);

        Assert.Contains("(DfE rule 710)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(D(5, 1), move.StartedOn);
    }

    [Fact]
    public void Rules355And431_TheEndOfCareCorrected_StaysAfterTheLastEpisodeBegan_BeforeTheNextPeriod_AndNotBeforeAnythingRecorded()
    {
        var (period, _, _, order) = ThreeEpisodes();
        Assert.Equal("The child is still looked after: there is no end of care to correct", Refused(() => period.CorrectEndDate(D(9, 1), Today)).Message);
        period.RecordVisit(D(8, 20), childSeen: true, seenAlone: true, Today);
        period.End(D(9, 1), "E13", Today);

        var onTheLastStart = Refused(() => period.CorrectEndDate(D(6, 1), Today));
        var onTheNextStart = Refused(() => period.CorrectEndDate(D(10, 5), Today, nextPeriodStartedOn: D(10, 5)));
        var beforeAVisit = Refused(() => period.CorrectEndDate(D(8, 19), Today));
        var old = period.CorrectEndDate(D(8, 25), Today, nextPeriodStartedOn: D(10, 5));

        Assert.Equal("The last episode began on 1 June 2026: the corrected date must be after it, as an episode lasts at least a day (DfE rule 355)", onTheLastStart.Message);
        Assert.Equal("The child's next period of care began on 5 October 2026: this one must end before that day (SSDA903 rule 431)", onTheNextStart.Message);
        Assert.Equal(("HeldOn", "A review, visit, missing episode or deprivation of liberty order is recorded on 20 August 2026, after that date"), (beforeAVisit.Field, beforeAVisit.Message));
        Assert.Equal(D(9, 1), old);
        Assert.Equal((D(8, 25), D(8, 25), "E13"), (period.EndedOn!.Value, order.EndedOn!.Value, order.ReasonCeased));
    }

    [Fact]
    public void Rule710_AnOrderStartingTheDayAChildLeftASecureHome_DoesNotBlockCorrectingALaterEpisode()
    {
        var secure = new Placement("K1", "PR1", "SN4 1AA", "Hillside secure unit", false, urn: "SC300003");
        var home = new Placement("K2", "PR4", "GL1 1AA", "Oak House", false, urn: "2300003");
        var period = PeriodOfCare.Start(Child, D(3, 1), "C1", "N1", secure, BornOn, Today);
        period.ChangePlacement(D(4, 1), home, sameCarer: false, Today, reasonForChange: "CHILD");
        period.RecordDeprivationOfLiberty(D(4, 1), null, Today);
        var order = period.ChangeLegalStatus(D(6, 1), "C2", Today);

        period.CorrectEpisodeStart(order.Id, D(6, 2), Today, BornOn);
        var intoTheOrder = Refused(() => period.CorrectEpisodeStart(period.Episodes[1].Id, D(4, 2), Today, BornOn));

        Assert.Equal(D(6, 2), order.StartedOn);
        Assert.Contains("(DfE rule 710)", intoTheOrder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlacementCorrectedToStartAfterItsApprovalWasCompleted_IsRefused()
    {
        var aunt = new Placement("U3", "PR1", "SN7 1AA", "Aunt", false, urn: FosteringService, approval: PlacementApproval.ConnectedPersonTemporary);
        var period = StartedWithSmith("V2");
        var move = period.ChangePlacement(D(3, 2), aunt, sameCarer: false, Today, reasonForChange: "CARPL");
        period.CompleteApproval(D(3, 20), Today);

        var ex = Refused(() => period.CorrectEpisodeStart(move.Id, D(3, 21), Today, BornOn));
        var first = period.Episodes[0];
        var refusedStart = Refused(() => period.CorrectEpisodeStart(first.Id, D(3, 5), Today, BornOn));

        Assert.Equal("The carer's assessment or approval is recorded as completed on 20 March 2026, before that date: the placement cannot start after it", ex.Message);
        Assert.Equal((D(3, 2), StartDay, StartDay), (move.StartedOn, first.StartedOn, period.StartedOn));
        Assert.Equal("HeldOn", refusedStart.Field);
    }

    [Fact]
    public void WhoRecordedAnEpisode_IsKept_SoTheyMayCorrectIt()
    {
        var worker = Guid.CreateVersion7();
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, recordedById: worker);
        var move = period.ChangePlacement(D(3, 2), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        period.End(D(9, 1), "E13", Today, recordedById: worker);

        Assert.Equal((worker, Today), (period.Episodes[0].RecordedById, period.Episodes[0].RecordedOn));
        Assert.Null(move.RecordedById);
        Assert.Equal((worker, Today), (period.EndRecordedById, period.EndRecordedOn));
    }
}
