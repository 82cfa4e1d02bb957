using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>The placement's Ofsted URN and the reason a placement changed, as the SSDA903 return takes them.</summary>
public sealed class PlacementChangeRulesTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    [Fact]
    public void Rule218_AFosterPlacementStartingIn2025To26_NeedsTheOfstedUrn_OrTheExemptValue()
    {
        var noUrn = new Placement("U6", "PR4", "BA1 1AA", "Jones family", false);

        var ex = Refused(() => PeriodOfCare.Start(Child, StartDay, "C1", "N1", noUrn, BornOn, Today));
        var exempt = PeriodOfCare.Start(Child, StartDay, "C1", "N1", new Placement("U6", "PR4", "BA1 1AA", "Jones family", false, urn: "xxxxxxx"), BornOn, Today);

        Assert.Equal(("PlacementUrn", "Enter the Ofsted URN of the setting or agency, or XXXXXXX for a provider Ofsted does not inspect (DfE rule 218)"), (ex.Field, ex.Message));
        Assert.Equal(Placement.UrnExempt, exempt.CurrentEpisode.Placement.Urn);
    }

    [Fact]
    public void Rule218_APlacementThatStartedBeforeThe2025To26Rules_MayBeRecordedLateWithoutAUrn()
    {
        var noUrn = new Placement("U6", "PR4", "BA1 1AA", "Jones family", false);

        var period = PeriodOfCare.Start(Child, new DateOnly(2025, 3, 31), "C1", "N1", noUrn, BornOn, Today);

        Assert.Null(period.CurrentEpisode.Placement.Urn);
    }

    [Theory]
    [InlineData("P1", "PR0")]
    [InlineData("R5", "PR3")]
    [InlineData("T1", null)]
    public void Rule222_AUrnForAPlacementNoOfstedRegistrationCovers_IsRefused_AndNoneIsNeeded(string type, string? provider)
    {
        var ex = Refused(() => _ = new Placement(type, provider, "SN1 2AB", "Setting", false, urn: "SC123456"));

        Assert.Equal(("PlacementUrn", $"Leave the Ofsted URN blank: no Ofsted registration covers a {type} placement (DfE rule 222)"), (ex.Field, ex.Message));
        Assert.False(new Placement(type, provider, "SN1 2AB", "Setting", false).NeedsUrn);
    }

    [Fact]
    public void Rule214_AShortBreakTakesNoUrn()
    {
        var respiteWithUrn = new Placement("K2", "PR1", null, "Respite home", false, urn: "SC123456");

        var ex = Refused(() => PeriodOfCare.Start(Child, StartDay, "V4", "N2", respiteWithUrn, BornOn, Today));
        var withoutUrn = PeriodOfCare.Start(Child, StartDay, "V4", "N2", new Placement("K2", "PR1", null, "Respite home", false), BornOn, Today);

        Assert.Equal(("PlacementUrn", "Leave the Ofsted URN blank for a short break (V3 or V4) (DfE rule 214)"), (ex.Field, ex.Message));
        Assert.Null(withoutUrn.CurrentEpisode.Placement.Urn);
    }

    [Theory]
    [InlineData("SC12345", false)]
    [InlineData("123456", false)]
    [InlineData("SC1234567", false)]
    [InlineData("XX", false)]
    [InlineData("sc 123456", false)]
    [InlineData("SC123456", true)]
    [InlineData(" sc123456 ", true)]
    [InlineData("2612345", true)]
    [InlineData("XXXXXXX", true)]
    public void Rule1008_OnlyAUrnShapedLikeOfstedsOrTheExemptValue_IsTaken(string urn, bool taken)
    {
        var build = () => new Placement("K2", "PR4", "GL1 1AA", "Oak House", true, urn: urn);

        if (taken)
        {
            Assert.Equal(urn.Trim().ToUpperInvariant(), build().Urn);
        }
        else
        {
            Assert.Equal("PlacementUrn", Refused(() => build()).Field);
        }
    }

    [Fact]
    public void AChangeOfUrnAlone_IsAChangeOfPlacementWithTheSameCarers()
    {
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", OakHouse, BornOn, Today);
        var reRegistered = new Placement("K2", "PR4", "GL1 1AA", "Oak House", true, urn: "2399999");

        var next = period.ChangePlacement(D(3, 1), reRegistered, sameCarer: true, Today, reasonForChange: "PLACE");

        Assert.Equal(("T", "2399999"), (next.ReasonForNewEpisode, next.Placement.Urn));
    }

    [Fact]
    public void Rule225_AMoveNeedsTheReasonForTheChange_AndItIsKeptOnTheEpisodeTheChildLeft()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today));
        var next = period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: " creqb ");

        Assert.Equal(("ReasonForChange", "Select why the placement changed (DfE rule 225)"), (ex.Field, ex.Message));
        var left = period.Episodes[0];
        Assert.Equal(("X1", "CREQB"), (left.ReasonCeased, left.ReasonForPlacementChange));
        Assert.Null(next.ReasonForPlacementChange); // rule 233: none while the episode is open
    }

    [Fact]
    public void Rule225_AMoveWithALegalStatusChangeTheSameDay_NeedsTheReasonToo()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.ChangeLegalStatusAndPlacement(D(3, 1), "C2", OakHouse, sameCarer: false, Today));
        period.ChangeLegalStatusAndPlacement(D(3, 1), "C2", OakHouse, sameCarer: false, Today, reasonForChange: "CHILD");

        Assert.Equal("ReasonForChange", ex.Field);
        Assert.Equal("CHILD", period.Episodes[0].ReasonForPlacementChange);
    }

    [Fact]
    public void Rule226_AMoveIntoOrBackFromATemporaryPlacement_TakesNoReason()
    {
        var period = StartedWithSmith();

        var into = Refused(() => period.ChangePlacement(D(5, 1), Hospital, sameCarer: false, Today, reasonForChange: "OTHER"));
        period.ChangePlacement(D(5, 1), Hospital, sameCarer: false, Today);
        var back = Refused(() => period.ChangePlacement(D(5, 8), Smith, sameCarer: false, Today, reasonForChange: "OTHER"));
        period.ChangePlacement(D(5, 8), Smith, sameCarer: false, Today);

        Assert.All([into, back], e => Assert.Equal(("ReasonForChange", "Leave the reason for the change blank: a move into or back from a temporary placement has none (DfE rule 226)"), (e.Field, e.Message)));
        Assert.All(period.Episodes, e => Assert.Null(e.ReasonForPlacementChange));
    }

    [Fact]
    public void AChangeOfLegalStatusOnly_HasNoReasonForPlacementChange()
    {
        var period = StartedWithSmith();

        period.ChangeLegalStatus(D(3, 1), "C2", Today);

        Assert.Null(period.Episodes[0].ReasonForPlacementChange);
    }

    [Fact]
    public void AMoveUndoneTheSameDay_TakesItsReasonAway()
    {
        var period = StartedWithSmith();
        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        period.ChangePlacement(D(3, 1), Smith, sameCarer: false, Today, reasonForChange: "OTHER");

        var only = Assert.Single(period.Episodes);
        Assert.Null(only.ReasonForPlacementChange);
    }

    [Fact]
    public void Rule1009_AReasonNotInTheCodeSet_IsRefused()
    {
        var period = StartedWithSmith();

        var ex = Refused(() => period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "BORED"));

        Assert.Equal(("ReasonForChange", "'BORED' is not an SSDA903 reason for placement change (DfE rule 1009)"), (ex.Field, ex.Message));
    }

    [Fact]
    public void Rule234_AChildUnder10CannotChangePlacementBecauseOfCustody()
    {
        var youngerChild = new DateOnly(2017, 6, 1);
        var young = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, youngerChild, Today);
        var older = StartedWithSmith();

        var ex = Refused(() => young.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CUSTOD", dateOfBirth: youngerChild));
        older.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CUSTOD", dateOfBirth: BornOn.AddYears(-1));

        Assert.Equal(("ReasonForChange", "A child under 10 cannot change placement because of custody (DfE rule 234)"), (ex.Field, ex.Message));
        Assert.Equal("CUSTOD", older.Episodes[0].ReasonForPlacementChange);
    }

    [Fact]
    public void EndingCareOnTheDayOfAMove_DropsTheMoveAndItsReason()
    {
        var period = StartedWithSmith();
        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        period.End(D(3, 1), "E4A", Today);

        var only = Assert.Single(period.Episodes);
        Assert.Equal(("E4A", (string?)null), (only.ReasonCeased, only.ReasonForPlacementChange));
    }

    [Fact]
    public void Rule371_A16YearOldCanBePlacedInSupportedAccommodation_AYoungerChildCannot()
    {
        var sixteenToday = StartDay.AddYears(-16);
        var supported = new Placement("K3", "PR4", "SN5 1AA", "Station Road supported flats", false, urn: "2654321");

        var atSixteen = PeriodOfCare.Start(Child, StartDay, "V2", "N4", supported, sixteenToday, Today);
        var tooYoung = Refused(() => PeriodOfCare.Start(Child, StartDay, "V2", "N4", supported, sixteenToday.AddDays(1), Today));
        var movedTooYoung = Refused(() => StartedWithSmith().ChangePlacement(D(3, 1), supported, sameCarer: false, Today, reasonForChange: "CARPL", dateOfBirth: new DateOnly(2010, 3, 2)));

        Assert.Equal("K3", atSixteen.CurrentEpisode.Placement.Type);
        Assert.Equal(("PlacementType", $"Supported accommodation (K3) is only for young people aged 16 or 17: the child is 16 on 6 January 2026 (DfE rule 371)"), (tooYoung.Field, tooYoung.Message));
        Assert.Equal("PlacementType", movedTooYoung.Field);
    }

    [Fact]
    public void SupportedAccommodation_K3_IsAPlacementTypeFrom2024To25_AndNotBefore()
    {
        var supported = new Placement("K3", "PR4", "SN5 1AA", "Station Road supported flats", false, urn: "2654321");

        var before = Refused(() => PeriodOfCare.Start(Child, new DateOnly(2024, 3, 31), "V2", "N4", supported, new DateOnly(2007, 1, 1), Today));
        var from = PeriodOfCare.Start(Child, new DateOnly(2024, 4, 1), "V2", "N4", supported, new DateOnly(2007, 1, 1), Today);

        Assert.Equal(("PlacementType", "K3 is not a placement type in the 2023 to 2024 SSDA903 return, which a placement starting on 31 March 2024 belongs to"), (before.Field, before.Message));
        Assert.Equal("K3", from.CurrentEpisode.Placement.Type);
    }
}
