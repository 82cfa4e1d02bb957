using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.LookedAfter;

public sealed class EpisodeChainTests
{
    [Fact]
    public void Start_MakesOneOpenEpisode_WithReasonS()
    {
        var period = StartedWithSmith();

        var only = Assert.Single(period.Episodes);
        Assert.Equal((StartDay, "S", "C1", "N1", "U6", "PR1", "SN1 2AB", "Smith family"),
            (only.StartedOn, only.ReasonForNewEpisode, only.LegalStatus, only.CategoryOfNeed, only.Placement.Type, only.Placement.Provider, only.Placement.Postcode, only.Placement.Carer));
        Assert.Null(only.EndedOn);
        Assert.Null(only.ReasonCeased);
        Assert.Equal((StartDay, true), (period.StartedOn, period.IsOpen));
    }

    [Fact]
    public void StartedThenMovedThenCareOrderThenEnded_MakesThreeEpisodes_SPL()
    {
        // The sequence: looked after under an interim care order with the Smiths; moves to
        // the Joneses (new carers); a full care order is granted; a special guardianship order is
        // made to the Joneses, former foster carers who are not relatives.
        var period = StartedWithSmith("C1");

        period.ChangePlacement(D(3, 2), Jones, sameCarer: false, Today, reasonForChange: "CARPL");
        period.ChangeLegalStatus(D(6, 15), "C2", Today);
        period.End(D(10, 1), "E46", Today);

        var chain = period.Episodes;
        Assert.Equal(["S", "P", "L"], chain.Select(e => e.ReasonForNewEpisode));
        Assert.Equal([StartDay, D(3, 2), D(6, 15)], chain.Select(e => e.StartedOn));
        Assert.Equal<DateOnly?>([D(3, 2), D(6, 15), D(10, 1)], chain.Select(e => e.EndedOn));
        Assert.Equal(["X1", "X1", "E46"], chain.Select(e => e.ReasonCeased));
        Assert.Equal(["C1", "C1", "C2"], chain.Select(e => e.LegalStatus));
        Assert.Equal(["Smith family", "Jones family", "Jones family"], chain.Select(e => e.Placement.Carer));
        Assert.Equal(["SN1 2AB", "BA1 1AA", "BA1 1AA"], chain.Select(e => e.Placement.Postcode));
        Assert.Equal(["PR1", "PR4", "PR4"], chain.Select(e => e.Placement.Provider));
        Assert.All(chain, e => Assert.Equal("N1", e.CategoryOfNeed));
        Assert.Equal((false, D(10, 1), "E46"), (period.IsOpen, period.EndedOn, period.ReasonCeased));
    }

    [Fact]
    public void EachEpisode_EndsTheDayTheNextStarts()
    {
        var period = StartedWithSmith();
        period.ChangeLegalStatus(D(2, 10), "C2", Today);
        period.ChangePlacement(D(4, 20), SmithNewHome, sameCarer: true, Today, reasonForChange: "CARPL");
        period.ChangeLegalStatusAndPlacement(D(7, 1), "E1", SmithForAdoption, sameCarer: true, Today, reasonForChange: "CARPL");

        var chain = period.Episodes;
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i].StartedOn, chain[i - 1].EndedOn);
        }

        Assert.True(chain[^1].IsOpen);
        Assert.Same(chain[^1], period.CurrentEpisode);
    }

    // Each step: "month-day what [legal status] [placement] [new|same]", applied in order after
    // starting with the Smiths under C1 on 5 January.
    public static TheoryData<string[], string, string, string> Sequences => new()
    {
        { ["03-01 move SmithNewHome same"], "S,T", "C1", "Smith family" },
        { ["03-01 move SmithLongTerm same"], "S,T", "C1", "Smith family" },
        { ["03-01 both C2 Jones new"], "S,B", "C2", "Jones family" },
        { ["03-01 both C2 SmithLongTerm same"], "S,U", "C2", "Smith family" },
        { ["02-01 legal C2", "04-01 move Jones new"], "S,L,P", "C2", "Jones family" },
        { ["02-01 move Jones new", "04-01 legal C2"], "S,P,L", "C2", "Jones family" },
        { ["02-01 legal C2", "04-01 move SmithNewHome same", "06-01 both E1 SmithForAdoption same"], "S,L,T,U", "E1", "Smith family" },
        { ["02-01 move OakHouse new", "05-01 both C2 Smith new", "08-01 legal E1"], "S,P,B,L", "E1", "Smith family" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void ASequenceOfChanges_MakesTheChainOfReasons(string[] steps, string expectedReasons, string finalLegalStatus, string finalCarer)
    {
        var period = StartedWithSmith("C1");

        foreach (var step in steps)
        {
            Apply(period, step);
        }

        Assert.Equal(expectedReasons, string.Join(",", period.Episodes.Select(e => e.ReasonForNewEpisode)));
        Assert.Equal((finalLegalStatus, finalCarer), (period.CurrentEpisode.LegalStatus, period.CurrentEpisode.Placement.Carer));
        Assert.Equal(steps.Length + 1, period.Episodes.Count);
        Assert.All(period.Episodes.SkipLast(1), e => Assert.Equal("X1", e.ReasonCeased));
    }

    [Fact]
    public void ALegalStatusChange_KeepsThePlacement_AndAMove_KeepsTheLegalStatus()
    {
        var period = StartedWithSmith("V2");

        var afterOrder = period.ChangeLegalStatus(D(2, 1), "C1", Today);
        var afterMove = period.ChangePlacement(D(4, 1), OakHouse, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(Smith, afterOrder.Placement);
        Assert.Equal(("C1", "K2", "PR4", "GL1 1AA", true), (afterMove.LegalStatus, afterMove.Placement.Type, afterMove.Placement.Provider, afterMove.Placement.Postcode, afterMove.Placement.IntendedLongTerm));
    }

    [Fact]
    public void AChangeOnTheDayTheEpisodeStarted_JoinsIt_LegalStatusThenMove_IsB()
    {
        var period = StartedWithSmith("C1");

        period.ChangeLegalStatus(D(3, 1), "C2", Today);
        var merged = period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(["S", "B"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal((D(3, 1), "C2", "Jones family"), (merged.StartedOn, merged.LegalStatus, merged.Placement.Carer));
        Assert.Equal((D(3, 1), "X1"), (period.Episodes[0].EndedOn, period.Episodes[0].ReasonCeased));
    }

    [Fact]
    public void AChangeOnTheDayTheEpisodeStarted_JoinsIt_MoveThenLegalStatus_IsB()
    {
        var period = StartedWithSmith("C1");

        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");
        period.ChangeLegalStatus(D(3, 1), "C2", Today);

        Assert.Equal(["S", "B"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal(("C2", "Jones family"), (period.CurrentEpisode.LegalStatus, period.CurrentEpisode.Placement.Carer));
    }

    [Fact]
    public void AChangeOnTheDayTheEpisodeStarted_JoinsIt_SameCarerMoveThenLegalStatus_IsU()
    {
        var period = StartedWithSmith("C1");

        period.ChangePlacement(D(3, 1), SmithNewHome, sameCarer: true, Today, reasonForChange: "CARPL");
        period.ChangeLegalStatus(D(3, 1), "C2", Today);

        Assert.Equal(["S", "U"], period.Episodes.Select(e => e.ReasonForNewEpisode));
    }

    [Fact]
    public void TwoMovesOnOneDay_MakeOneEpisode_WithTheDaysLastPlacement()
    {
        var period = StartedWithSmith();

        period.ChangePlacement(D(3, 1), SmithNewHome, sameCarer: true, Today, reasonForChange: "CARPL");
        period.ChangePlacement(D(3, 1), OakHouse, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(["S", "P"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal("Oak House", period.CurrentEpisode.Placement.Carer);
    }

    [Fact]
    public void AMoveUndoneTheSameDay_LeavesNoEpisode_AndReopensTheOneBefore()
    {
        var period = StartedWithSmith();
        period.ChangeLegalStatus(D(2, 1), "C2", Today);

        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");
        var current = period.ChangePlacement(D(3, 1), Smith, sameCarer: false, Today, reasonForChange: "CARPL");

        Assert.Equal(["S", "L"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal((D(2, 1), (DateOnly?)null, (string?)null), (current.StartedOn, current.EndedOn, current.ReasonCeased));
    }

    [Fact]
    public void AChangeOnTheDayCareStarted_ReplacesTheFirstEpisodesDetails_AndStaysS()
    {
        var period = StartedWithSmith("V2");

        period.ChangeLegalStatus(StartDay, "C1", Today);
        period.ChangePlacement(StartDay, Jones, sameCarer: false, Today);

        var only = Assert.Single(period.Episodes);
        Assert.Equal(("S", "C1", "Jones family", StartDay), (only.ReasonForNewEpisode, only.LegalStatus, only.Placement.Carer, only.StartedOn));
    }

    [Fact]
    public void EndingOnTheDayOfAChange_DropsThatChange_AndEndsTheEpisodeBefore()
    {
        var period = StartedWithSmith();
        period.ChangePlacement(D(3, 1), Jones, sameCarer: false, Today, reasonForChange: "CARPL");

        period.ChangePlacement(D(9, 1), OakHouse, sameCarer: false, Today, reasonForChange: "CARPL");
        period.End(D(9, 1), "E4A", Today);

        Assert.Equal(["S", "P"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal((D(9, 1), "E4A", "Jones family"), (period.Episodes[^1].EndedOn, period.Episodes[^1].ReasonCeased, period.Episodes[^1].Placement.Carer));
    }

    [Fact]
    public void AdoptionFromAPlacementForAdoption_EndsThePeriod()
    {
        var period = StartedWithSmith();
        period.ChangeLegalStatusAndPlacement(D(4, 1), "E1", SmithForAdoption, sameCarer: true, Today, reasonForChange: "CARPL");

        period.End(D(11, 2), "E11", Today);

        Assert.Equal(["S", "U"], period.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal(("E11", D(11, 2)), (period.ReasonCeased, period.EndedOn));
    }

    [Fact]
    public void ACodeTypedInLowerCase_IsStoredAsTheDfECode()
    {
        var period = PeriodOfCare.Start(Child, StartDay, " c1 ", "n1", new Placement("u6", "pr1", "sn12ab", "  Smith   family ", false, urn: " sc100001 "), BornOn, Today);

        var only = period.CurrentEpisode;
        Assert.Equal(("C1", "N1", "U6", "PR1", "SN1 2AB", "Smith family", "SC100001"),
            (only.LegalStatus, only.CategoryOfNeed, only.Placement.Type, only.Placement.Provider, only.Placement.Postcode, only.Placement.Carer, only.Placement.Urn));
    }

    private static void Apply(PeriodOfCare period, string step)
    {
        var parts = step.Split(' ');
        var on = DateOnly.ParseExact($"2026-{parts[0]}", "yyyy-MM-dd");
        switch (parts[1])
        {
            case "legal":
                period.ChangeLegalStatus(on, parts[2], Today);
                break;
            case "move":
                period.ChangePlacement(on, Named(parts[2]), sameCarer: parts[3] == "same", Today, reasonForChange: "CARPL");
                break;
            case "both":
                period.ChangeLegalStatusAndPlacement(on, parts[2], Named(parts[3]), sameCarer: parts[4] == "same", Today, reasonForChange: "CARPL");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step.");
        }
    }
}
