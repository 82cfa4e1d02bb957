using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

public sealed class PeriodOfCareRulesTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    [Fact]
    public void AChangeDatedBeforeTheCurrentEpisodeStarted_IsRefused_BesideTheChangeDate()
    {
        var period = StartedWithSmith();
        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        var legal = Refused(() => period.ChangeLegalStatus(D(2, 28), "C2", Today));
        var move = Refused(() => period.ChangePlacement(D(2, 28), OakHouse, sameCarer: false, Today, reasonForChange: "CARPL"));
        var both = Refused(() => period.ChangeLegalStatusAndPlacement(D(2, 28), "C2", OakHouse, sameCarer: false, Today, reasonForChange: "CARPL"));

        Assert.All([legal, move, both], ex => Assert.Equal("ChangedOn", ex.Field));
        Assert.Equal("The date of the change cannot be before the current episode started, on 1 March 2026", legal.Message);
        Assert.Equal(2, period.Episodes.Count);
    }

    [Fact]
    public void AChangeDatedBeforeCareStarted_IsRefused_WithTheStartDate()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.ChangeLegalStatus(StartDay.AddDays(-1), "C2", Today));

        Assert.Equal(("ChangedOn", "The date of the change cannot be before the child started to be looked after, on 5 January 2026"), (ex.Field, ex.Message));
    }

    [Fact]
    public void AFutureDate_IsRefused_ForAStartAChangeAndAnEnd()
    {
        var tomorrow = Today.AddDays(1);
        var start = Refused(() => PeriodOfCare.Start(Child, tomorrow, "C1", "N1", Smith, BornOn, Today));
        var period = StartedWithSmith();
        var change = Refused(() => period.ChangeLegalStatus(tomorrow, "C2", Today));
        var end = Refused(() => period.End(tomorrow, "E4A", Today));

        Assert.Equal(["StartedOn", "ChangedOn", "EndedOn"], new[] { start, change, end }.Select(e => e.Field));
        Assert.True(period.IsOpen);
    }

    [Fact]
    public void TodaysDate_IsAllowed()
    {
        var period = StartedWithSmith();

        period.ChangeLegalStatus(Today, "C2", Today);

        Assert.Equal(Today, period.CurrentEpisode.StartedOn);
    }

    [Theory]
    [InlineData("Z9", "LegalStatus", "'Z9' is not an SSDA903 legal status")]
    [InlineData("", "LegalStatus", "Select the legal status")]
    public void AnUnknownLegalStatus_IsRefused(string code, string field, string message)
    {
        var atStart = Refused(() => PeriodOfCare.Start(Child, StartDay, code, "N1", Smith, BornOn, Today));
        var period = StartedWithSmith();
        var onChange = Refused(() => period.ChangeLegalStatus(D(3, 1), code, Today));

        Assert.Equal((field, message), (atStart.Field, atStart.Message));
        Assert.Equal((field, message), (onChange.Field, onChange.Message));
        Assert.Single(period.Episodes);
    }

    [Theory]
    [InlineData("Q1", null, "PlacementType", "'Q1' is not an SSDA903 placement type")]
    [InlineData("U6", "PR9", "PlacementProvider", "'PR9' is not an SSDA903 placement provider")]
    [InlineData("U6", null, "PlacementProvider", "Select the placement provider")]
    [InlineData("T1", "PR1", "PlacementProvider", "Leave the placement provider blank for temporary and other placements (DfE rule 213)")]
    [InlineData("U6", "PR0", "PlacementProvider", "Parents (PR0) can only be the provider of a placement with parents (P1) (DfE rule 550)")]
    [InlineData("P1", "PR1", "PlacementProvider", "A placement with parents (P1) is provided by the parents: choose PR0 (DfE rules 527–531)")]
    [InlineData("R5", "PR2", "PlacementProvider", "A local authority (PR1 or PR2) cannot provide an NHS or young offender institution placement (DfE rules 527 and 528)")]
    [InlineData("K2", "PR3", "PlacementProvider", "Other public provision (PR3) cannot provide adoption, foster or children's home placements (DfE rule 529)")]
    public void APlacementTheReturnWouldReject_IsRefused(string type, string? provider, string field, string message)
    {
        var ex = Refused(() => _ = new Placement(type, provider, "SN1 2AB", "Smith family", false));

        Assert.Equal((field, message), (ex.Field, ex.Message));
    }

    [Theory]
    [InlineData("SN1 2AB", "Carer family", null)]
    [InlineData("12345", "Carer family", "PlacementPostcode")]
    [InlineData("SN1 2AB", "   ", "Carer")]
    public void APlacement_NeedsAPostcodeShapeAndACarer(string postcode, string carer, string? refusedField)
    {
        if (refusedField is null)
        {
            Assert.Equal("SN1 2AB", new Placement("U6", "PR1", postcode, carer, false).Postcode);
            return;
        }

        Assert.Equal(refusedField, Refused(() => _ = new Placement("U6", "PR1", postcode, carer, false)).Field);
    }

    [Fact]
    public void APlacementTypeTheDfEWithdrew_IsRefusedForPlacementsStartingAfterwards_ButNotBefore()
    {
        var semiIndependent = new Placement("H5", "PR4", "SN1 2AB", "Hillside", false);

        var ex = Refused(() => PeriodOfCare.Start(Child, D(4, 1), "V2", "N4", semiIndependent, BornOn.AddYears(-1), Today));
        var before = PeriodOfCare.Start(Child, new DateOnly(2025, 3, 31), "V2", "N4", semiIndependent, BornOn.AddYears(-1), Today);

        Assert.Equal(("PlacementType", "H5 is not a placement type in the 2026 to 2027 SSDA903 return, which a placement starting on 1 April 2026 belongs to"), (ex.Field, ex.Message));
        Assert.Equal("H5", before.CurrentEpisode.Placement.Type);
    }

    [Fact]
    public void AnUnknownReasonCeased_IsRefused_AndThePeriodStaysOpen()
    {
        var period = StartedWithSmith();

        var unknown = Refused(() => period.End(D(6, 1), "X9", Today));
        var blank = Refused(() => period.End(D(6, 1), " ", Today));
        var continuation = Refused(() => period.End(D(6, 1), "X1", Today));

        Assert.Equal(("ReasonCeased", "'X9' is not an SSDA903 reason episode ceased"), (unknown.Field, unknown.Message));
        Assert.Equal("ReasonCeased", blank.Field);
        Assert.Equal("ReasonCeased", continuation.Field);
        Assert.True(period.IsOpen);
        Assert.Null(period.CurrentEpisode.EndedOn);
    }

    [Fact]
    public void AnUnknownCategoryOfNeed_IsRefused()
    {
        var ex = Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N9", Smith, BornOn, Today));

        Assert.Equal(("CategoryOfNeed", "'N9' is not an SSDA903 category of need"), (ex.Field, ex.Message));
    }

    [Fact]
    public void EndingBeforeTheLastEpisodeStarted_IsRefused()
    {
        var period = StartedWithSmith();
        period.ChangeLegalStatus(D(6, 1), "C2", Today);

        var ex = Refused(() => period.End(D(5, 31), "E4A", Today));

        Assert.Equal(("EndedOn", "The date the child stopped being looked after cannot be before the current episode started, on 1 June 2026"), (ex.Field, ex.Message));
        Assert.True(period.IsOpen);
    }

    [Fact]
    public void EndingOnTheDayCareStarted_IsRefused_BecauseAnEpisodeMustLastADay()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.End(StartDay, "E4A", Today));

        Assert.Equal("EndedOn", ex.Field);
        Assert.Contains("rule 355", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyChangeAfterThePeriodEnded_IsRefused()
    {
        var period = StartedWithSmith();
        period.End(D(6, 1), "E4A", Today);

        var refusals = new[]
        {
            Refused(() => period.ChangeLegalStatus(D(7, 1), "C2", Today)),
            Refused(() => period.ChangePlacement(D(7, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL")),
            Refused(() => period.ChangeLegalStatusAndPlacement(D(7, 1), "C2", Jones, sameCarer: false, Today, reasonForChange: "CARPL")),
            Refused(() => period.End(D(7, 1), "E8", Today)),
        };

        Assert.All(refusals, ex => Assert.Equal(("PeriodOfCare", "The child stopped being looked after on 1 June 2026: this period of care has ended"), (ex.Field, ex.Message)));
        Assert.Equal(("E4A", D(6, 1)), (period.ReasonCeased, period.EndedOn));
    }

    [Fact]
    public void AChangeThatChangesNothing_IsRefused()
    {
        var period = StartedWithSmith("C1");

        var sameStatus = Refused(() => period.ChangeLegalStatus(D(3, 1), "C1", Today));
        var samePlacement = Refused(() => period.ChangePlacement(D(3, 1), Smith, sameCarer: true, Today, reasonForChange: "CARPL"));
        var bothButSameStatus = Refused(() => period.ChangeLegalStatusAndPlacement(D(3, 1), "C1", Jones, sameCarer: false, Today, reasonForChange: "CARPL"));
        var bothButSamePlacement = Refused(() => period.ChangeLegalStatusAndPlacement(D(3, 1), "C2", Smith, sameCarer: true, Today, reasonForChange: "CARPL"));

        Assert.Equal(("LegalStatus", "The child's legal status is already C1 (Interim care order)"), (sameStatus.Field, sameStatus.Message));
        Assert.Equal(("PlacementType", "This is the child's current placement: change the type, provider, postcode or carer"), (samePlacement.Field, samePlacement.Message));
        Assert.Equal("LegalStatus", bothButSameStatus.Field);
        Assert.Equal("PlacementType", bothButSamePlacement.Field);
        Assert.Single(period.Episodes);
    }

    [Fact]
    public void AChangeOfTheLongTermIntentionAlone_IsNotAChangeOfPlacement()
    {
        var period = StartedWithSmith();
        var sameButLongTerm = new Placement("U6", "PR1", "SN1 2AB", "smith  FAMILY", intendedLongTerm: true, urn: FosteringService);

        var ex = Refused(() => period.ChangePlacement(D(3, 1), sameButLongTerm, sameCarer: true, Today, reasonForChange: "CARPL"));

        Assert.Equal(("PlacementType", "Only whether the placement is intended to be long-term has changed: that is not a change of placement"), (ex.Field, ex.Message));
    }

    [Fact]
    public void ANewCarerWhoIsTheCurrentCarer_IsRefused_BesideSameCarer()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.ChangePlacement(D(3, 1), SmithNewHome, sameCarer: false, Today, reasonForChange: "CARPL"));

        Assert.Equal(("SameCarer", "The carer is the same as now (Smith family): say the child is staying with the same carer, or enter the new carer"), (ex.Field, ex.Message));
    }

    [Theory]
    [InlineData(-1, "The date the child started to be looked after cannot be before their date of birth, 1 June 2015 (DfE rule 302)")]
    [InlineData(18 * 12, "A child cannot start to be looked after on or after their 18th birthday (DfE rule 352)")]
    public void StartingOutsideChildhood_IsRefused(int monthsAfterBirth, string message)
    {
        var on = monthsAfterBirth < 0 ? BornOn.AddDays(-1) : BornOn.AddMonths(monthsAfterBirth);

        var ex = Refused(() => PeriodOfCare.Start(Child, on, "C1", "N1", Smith, BornOn, on));

        Assert.Equal(("StartedOn", message), (ex.Field, ex.Message));
    }

    [Fact]
    public void StartingBeforeTheChildrenAct_IsRefused_EvenWithNoDateOfBirth()
    {
        var ex = Refused(() => PeriodOfCare.Start(Child, new DateOnly(1991, 10, 13), "C1", "N1", Smith, dateOfBirth: null, Today));

        Assert.Equal("StartedOn", ex.Field);
        Assert.Contains("rule 353", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CareCannotStartInATemporaryPlacement()
    {
        var ex = Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N1", Hospital, BornOn, Today));

        Assert.Equal(("PlacementType", "A period of care cannot start with a temporary placement (DfE rule 380)"), (ex.Field, ex.Message));
    }

    [Fact]
    public void CareCannotEndInATemporaryPlacement_UntilTheChildIsBack()
    {
        var period = StartedWithSmith();
        period.ChangePlacement(D(5, 1), Hospital, sameCarer: false, Today);

        var ex = Refused(() => period.End(D(5, 8), "E4A", Today));
        period.ChangePlacement(D(5, 8), Smith, sameCarer: false, Today);
        period.End(D(5, 20), "E4A", Today);

        Assert.Equal("EndedOn", ex.Field);
        Assert.Contains("rule 381", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["S", "P", "P"], period.Episodes.Select(e => e.ReasonForNewEpisode));
    }

    [Theory]
    [InlineData("E11", "U6")]
    [InlineData("E12", "K2")]
    [InlineData("E45", "K2")]
    [InlineData("E46", "A5")]
    public void AReasonCeasedThePlacementContradicts_IsRefused(string reason, string lastPlacementType)
    {
        var period = StartedWithSmith();
        var last = Named(lastPlacementType switch { "U6" => nameof(Smith), "K2" => nameof(OakHouse), _ => nameof(SmithForAdoption) });
        if (last != Smith)
        {
            period.ChangeLegalStatusAndPlacement(D(3, 1), "E1", last, sameCarer: last.HasSameCarerAs(Smith), Today, reasonForChange: "CARPL");
        }

        var ex = Refused(() => period.End(D(9, 1), reason, Today));

        Assert.Equal("ReasonCeased", ex.Field);
        Assert.Contains(lastPlacementType, ex.Message, StringComparison.Ordinal);
        Assert.True(period.IsOpen);
    }

    [Fact]
    public void PlacedWithParents_UnderASingleSection20Period_IsRefused()
    {
        var parents = new Placement("P1", "PR0", "SN5 7AA", "Mother", false);
        var period = StartedWithSmith("V2");

        var atStart = Refused(() => PeriodOfCare.Start(Child, StartDay, "V2", "N1", parents, BornOn, Today));
        var onMove = Refused(() => period.ChangePlacement(D(3, 1), parents, sameCarer: false, Today, reasonForChange: "CARPL"));
        period.ChangeLegalStatus(D(2, 1), "C2", Today);
        period.ChangePlacement(D(3, 1), parents, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(("LegalStatus", "PlacementType"), (atStart.Field, onMove.Field));
        Assert.Contains("rule 378", onMove.Message, StringComparison.Ordinal);
        Assert.Equal(("C2", "P1"), (period.CurrentEpisode.LegalStatus, period.CurrentEpisode.Placement.Type));
    }

    [Fact]
    public void AShortBreak_IsAPeriodOfItsOwn()
    {
        var period = StartedWithSmith("V2");
        var intoBreak = Refused(() => period.ChangeLegalStatus(D(3, 1), "V3", Today));

        var shortBreak = PeriodOfCare.Start(Child, D(7, 1), "V3", "N2", new Placement("K2", "PR1", null, "Respite home", false), BornOn, Today);
        var moveDuringBreak = Refused(() => shortBreak.ChangePlacement(D(7, 3), new Placement("U6", "PR4", null, "Jones family", false), sameCarer: false, Today, reasonForChange: "CARPL"));

        Assert.Equal("LegalStatus", intoBreak.Field);
        Assert.Equal(("PlacementType", "A child cannot change placement during an individual short break (V3): end this period of care and start a new one (DfE rule 366)"), (moveDuringBreak.Field, moveDuringBreak.Message));
        Assert.Null(shortBreak.CurrentEpisode.Placement.Postcode);
    }

    [Fact]
    public void APlacementWithoutAPostcode_IsRefused_OutsideShortBreaks()
    {
        var noPostcode = new Placement("U6", "PR1", null, "Smith family", false);

        var ex = Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N1", noPostcode, BornOn, Today));

        Assert.Equal(("PlacementPostcode", "Enter the placement postcode"), (ex.Field, ex.Message));
    }

    [Fact]
    public void Rule392_TheHomePostcode_IsARealPostcode_AndNotThePlacementsUnlessPlacedWithParents()
    {
        Assert.Equal("HomePostcode", Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, homePostcode: "not a postcode")).Field); // 392c
        var same = Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, homePostcode: "sn12ab")); // 392d
        Assert.Equal("HomePostcode", same.Field);

        var withParents = PeriodOfCare.Start(Child, StartDay, "C1", "N1", new Placement("P1", "PR0", "SN1 2AB", "Mum's home", intendedLongTerm: false), BornOn, Today, homePostcode: "SN1 2AB");
        var fostered = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, homePostcode: " sn3 4ef ");
        var none = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today);

        Assert.Equal(("SN1 2AB", "SN3 4EF", (string?)null), (withParents.HomePostcode, fostered.HomePostcode, none.HomePostcode));
    }
}
