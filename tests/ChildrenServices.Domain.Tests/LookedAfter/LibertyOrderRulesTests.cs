using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>Deprivation of liberty orders (SSDA903 DoLo, 2026/27), named by the DfE rule each test protects.</summary>
public sealed class LibertyOrderRulesTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    private static PeriodOfCare InOakHouse() => PeriodOfCare.Start(Child, StartDay, "C2", "N1", OakHouse, BornOn, Today);

    [Fact]
    public void AnOrderIsRecordedWithinThePeriod_AndEndsLater()
    {
        var period = InOakHouse();

        var order = period.RecordDeprivationOfLiberty(D(2, 1), null, Today);
        period.RecordDeprivationOfLibertyEnded(order.Id, D(5, 1), Today);

        var only = Assert.Single(period.DeprivationOfLibertyOrders);
        Assert.Equal((D(2, 1), (DateOnly?)D(5, 1)), (only.StartedOn, only.EndedOn));
    }

    [Fact]
    public void AnOrderBeforeCareStartedOrInTheFuture_IsRefusedBesideItsDate()
    {
        var period = InOakHouse();

        var before = Refused(() => period.RecordDeprivationOfLiberty(StartDay.AddDays(-1), null, Today));
        var future = Refused(() => period.RecordDeprivationOfLiberty(Today.AddDays(1), null, Today));

        Assert.Equal(("StartedOn", "The date the order was made cannot be before the child started to be looked after, on 5 January 2026"), (before.Field, before.Message));
        Assert.Equal("StartedOn", future.Field);
    }

    [Fact]
    public void Rule702_AnOrderCannotEndBeforeItWasMade()
    {
        var period = InOakHouse();

        var atOnce = Refused(() => period.RecordDeprivationOfLiberty(D(3, 1), D(2, 28), Today));
        var order = period.RecordDeprivationOfLiberty(D(3, 1), null, Today);
        var later = Refused(() => period.RecordDeprivationOfLibertyEnded(order.Id, D(2, 28), Today));

        Assert.All([atOnce, later], e => Assert.Equal(("EndedOn", "The date the order ended cannot be before it was made, on 1 March 2026 (DfE rule 702)"), (e.Field, e.Message)));
    }

    [Fact]
    public void Rule705_AnOrderCannotStartWhileAnotherIsInForce_NorOverlapOne_ButMayFollowIt()
    {
        var period = InOakHouse();
        period.RecordDeprivationOfLiberty(D(2, 1), D(4, 30), Today);
        var second = period.RecordDeprivationOfLiberty(D(6, 1), null, Today);

        var overlapping = Refused(() => period.RecordDeprivationOfLiberty(D(4, 1), D(5, 15), Today));
        var whileOpen = Refused(() => period.RecordDeprivationOfLiberty(D(9, 1), null, Today));

        Assert.Equal(("StartedOn", "This overlaps the order in force from 1 February 2026 to 30 April 2026 (DfE rule 705)"), (overlapping.Field, overlapping.Message));
        Assert.Equal(("StartedOn", "An order is already recorded as in force since 1 June 2026: record when it ended first (DfE rule 705)"), (whileOpen.Field, whileOpen.Message));
        Assert.True(second.IsOpen);
    }

    [Fact]
    public void Rule707_CareCannotEndWhileAnOrderIsInForce()
    {
        var period = InOakHouse();
        var order = period.RecordDeprivationOfLiberty(D(2, 1), null, Today);

        var ex = Refused(() => period.End(D(6, 1), "E4A", Today));
        period.RecordDeprivationOfLibertyEnded(order.Id, D(5, 31), Today);
        period.End(D(6, 1), "E4A", Today);

        Assert.Equal(("EndedOn", "A deprivation of liberty order is recorded as in force since 1 February 2026: record when it ended before ending care (DfE rule 707)"), (ex.Field, ex.Message));
        Assert.False(period.IsOpen);
    }

    [Fact]
    public void Rule710_AChildUnderAnOrderCannotBeMovedWithParentsOrIntoSecureCareCustodyOrSupportedAccommodation()
    {
        var period = InOakHouse();
        period.RecordDeprivationOfLiberty(D(2, 1), null, Today);
        var parents = new Placement("P1", "PR0", "SN5 7AA", "Mother", false);

        var ex = Refused(() => period.ChangePlacement(D(3, 1), parents, sameCarer: false, Today, reasonForChange: "CARPL"));
        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(("PlacementType", "A child under a deprivation of liberty order cannot be placed with parents (P1): a deprivation of liberty order is in force from 1 February 2026 (DfE rule 710)"), (ex.Field, ex.Message));
    }

    [Fact]
    public void Rule710_AnOrderCoveringATimeTheChildWasInASecureChildrensHome_IsRefused_ButNotAfterTheyLeft()
    {
        var secure = new Placement("K1", "PR1", "GL2 2BB", "Hilltop secure unit", false, urn: "SC777777");
        var period = PeriodOfCare.Start(Child, StartDay, "C2", "N1", secure, BornOn, Today);
        period.ChangePlacement(D(3, 1), OakHouse, sameCarer: false, Today, reasonForChange: "CARPL");

        var ex = Refused(() => period.RecordDeprivationOfLiberty(D(2, 1), null, Today));
        var fromTheMove = period.RecordDeprivationOfLiberty(D(3, 1), null, Today);

        Assert.Equal(("StartedOn", "A child under a deprivation of liberty order cannot be placed in a secure children's home (K1), and the child was in one (Hilltop secure unit) while this order was in force (DfE rule 710)"), (ex.Field, ex.Message));
        Assert.True(fromTheMove.IsOpen);
    }
}
