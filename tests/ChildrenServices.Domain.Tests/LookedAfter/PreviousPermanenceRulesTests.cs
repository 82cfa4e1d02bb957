using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>Previous permanence (SSDA903 PrevPerm) at the start of care, named by the DfE rule each test protects.</summary>
public sealed class PreviousPermanenceRulesTests
{
    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    [Fact]
    public void ASpecialGuardianshipOrderWhoseDayIsNotKnown_IsKept_AndWrittenAsTheReturnTakesIt()
    {
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, previousPermanence: new PreviousPermanence("p2", "935", 2019, 5, null));

        var kept = period.PreviousPermanence!;
        Assert.Equal(("P2", "935", "zz/05/2019", "May 2019"), (kept.Option, kept.LocalAuthority, kept.OrderDateForReturn, kept.OrderDateInWords));
    }

    [Fact]
    public void Rule631_AnOptionNotInTheCodeSet_IsRefused()
    {
        Assert.Equal("PreviousPermanence", Refused(() => _ = new PreviousPermanence("P9", null, null, null, null)).Field);
    }

    [Fact]
    public void Rule630_EveryOptionButNoneNeedsTheCouncilThatArrangedIt_999WhenNotKnown()
    {
        var ex = Refused(() => _ = new PreviousPermanence("P1", null, 2015, null, null));
        var unknownCouncil = Refused(() => _ = new PreviousPermanence("P4", null, null, null, null));
        var unknown = new PreviousPermanence("P4", "999", null, null, null);

        Assert.Equal(("PermanenceLocalAuthority", "Enter the code of the council that arranged it, or 999 if it is not known (DfE rule 630)"), (ex.Field, ex.Message));
        Assert.Equal("PermanenceLocalAuthority", unknownCouncil.Field);
        Assert.Equal("zz/zz/zzzz", unknown.OrderDateForReturn);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("ENG")]
    public void Rule633_ACouncilCodeTheReturnDoesNotKnow_IsRefused(string code)
    {
        Assert.Equal("PermanenceLocalAuthority", Refused(() => _ = new PreviousPermanence("P1", code, 2015, null, null)).Field);
        Assert.Equal("SCO", new PreviousPermanence("P1", "sco", 2015, null, null).LocalAuthority);
    }

    [Fact]
    public void Rule632_TheOrderMustComeBeforeCareStarted_APartNotKnownTakenAtItsLatest_AsTheReturnChecksIt()
    {
        PeriodOfCare Started(int year, int? month, int? day) =>
            PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, previousPermanence: new PreviousPermanence("P1", "935", year, month, day));

        var sameDay = Refused(() => Started(StartDay.Year, StartDay.Month, StartDay.Day));
        var sameYear = Refused(() => Started(StartDay.Year, null, null));
        var sameMonth = Refused(() => Started(StartDay.Year, StartDay.Month, null));
        var monthBefore = Started(StartDay.AddMonths(-1).Year, StartDay.AddMonths(-1).Month, null);
        var yearBefore = Started(StartDay.Year - 1, null, null);

        Assert.All([sameDay, sameYear, sameMonth], e => Assert.Equal("PermanenceOrder", e.Field));
        Assert.Equal("December 2025", monthBefore.PreviousPermanence!.OrderDateInWords);
        Assert.Equal("2025", yearBefore.PreviousPermanence!.OrderDateInWords);
    }

    [Theory]
    [InlineData(null, 5, null)]
    [InlineData(2019, null, 14)]
    [InlineData(2019, 13, null)]
    [InlineData(2019, 2, 30)]
    public void APartialDateMustBeKnownFromTheYearDown_AndReal(int? year, int? month, int? day)
    {
        Assert.Equal("PermanenceOrder", Refused(() => _ = new PreviousPermanence("P2", "935", year, month, day)).Field);
    }

    [Fact]
    public void Rule635_NoPreviousPermanence_TakesNoCouncilOrDate()
    {
        var ex = Refused(() => _ = new PreviousPermanence("Z1", "935", null, null, null));

        Assert.Equal(("PermanenceLocalAuthority", "Leave the council and the date of the order blank: the child has not had a previous permanence option (DfE rule 635)"), (ex.Field, ex.Message));
        Assert.Null(new PreviousPermanence("Z1", null, null, null, null).OrderDateForReturn);
    }

    [Fact]
    public void Rule634_CareThatStartedBefore1April2016_RecordsNoPreviousPermanence()
    {
        var early = new DateOnly(2016, 3, 31);

        var ex = Refused(() => PeriodOfCare.Start(Child, early, "C1", "N1", new Placement("U6", "PR1", "SN1 2AB", "Smith family", false), BornOn, Today, previousPermanence: new PreviousPermanence("Z1", null, null, null, null)));

        Assert.Equal(("PreviousPermanence", "Previous permanence is only recorded for care that started on or after 1 April 2016 (DfE rule 634)"), (ex.Field, ex.Message));
    }

    [Fact]
    public void Rules632And634_PreviousPermanenceLearnedAfterCareStarted_IsRecordedUnderTheSameRules()
    {
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today, previousPermanence: new PreviousPermanence("Z1", null, null, null, null));

        var afterCare = Refused(() => period.ChangePreviousPermanence(new PreviousPermanence("P2", "935", StartDay.Year + 1, null, null)));
        Assert.Equal(("PermanenceOrder", "Z1"), (afterCare.Field, period.PreviousPermanenceOption));
        period.ChangePreviousPermanence(new PreviousPermanence("P2", "935", 2021, 3, null));
        Assert.Equal(("P2", "935", "zz/03/2021"), (period.PreviousPermanence!.Option, period.PreviousPermanence.LocalAuthority, period.PreviousPermanence.OrderDateForReturn));

        var early = PeriodOfCare.Start(Child, new DateOnly(2016, 3, 31), "C1", "N1", new Placement("U6", "PR1", "SN1 2AB", "Smith family", false), BornOn, Today);
        Assert.Equal("PreviousPermanence", Refused(() => early.ChangePreviousPermanence(new PreviousPermanence("Z1", null, null, null, null))).Field);
    }
}
