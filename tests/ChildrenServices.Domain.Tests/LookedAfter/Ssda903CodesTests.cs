using ChildrenServices.Domain.Codes;

namespace ChildrenServices.Domain.Tests.LookedAfter;

public sealed class Ssda903CodesTests
{
    public static TheoryData<string, string[]> CodeSetsAndTheirValues => new()
    {
        { nameof(Ssda903Codes.LegalStatus), ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"] },
        { nameof(Ssda903Codes.ReasonForNewEpisode), ["S", "L", "P", "T", "B", "U"] },
        { nameof(Ssda903Codes.CategoryOfNeed), ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"] },
        {
            nameof(Ssda903Codes.PlacementType),
            ["A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
             "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"]
        },
        { nameof(Ssda903Codes.PlacementProvider), ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"] },
        {
            nameof(Ssda903Codes.ReasonEpisodeCeased),
            ["X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6",
             "E7", "E8", "E9", "E14", "E15", "E16", "E17"]
        },
        { nameof(Ssda903Codes.ReviewParticipation), ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"] },
        { nameof(Ssda903Codes.MissingType), ["M", "A"] },
        { nameof(Ssda903Codes.ReasonForPlacementChange), ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"] },
    };

    private static CodeSet ByName(string name) => name switch
    {
        nameof(Ssda903Codes.LegalStatus) => Ssda903Codes.LegalStatus,
        nameof(Ssda903Codes.ReasonForNewEpisode) => Ssda903Codes.ReasonForNewEpisode,
        nameof(Ssda903Codes.CategoryOfNeed) => Ssda903Codes.CategoryOfNeed,
        nameof(Ssda903Codes.PlacementType) => Ssda903Codes.PlacementType,
        nameof(Ssda903Codes.PlacementProvider) => Ssda903Codes.PlacementProvider,
        nameof(Ssda903Codes.ReasonEpisodeCeased) => Ssda903Codes.ReasonEpisodeCeased,
        nameof(Ssda903Codes.ReviewParticipation) => Ssda903Codes.ReviewParticipation,
        nameof(Ssda903Codes.MissingType) => Ssda903Codes.MissingType,
        nameof(Ssda903Codes.ReasonForPlacementChange) => Ssda903Codes.ReasonForPlacementChange,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such code set."),
    };

    [Theory]
    [MemberData(nameof(CodeSetsAndTheirValues))]
    public void Codes_EachSet_HoldsExactlyTheReturnsValues(string setName, string[] expected)
    {
        var actual = ByName(setName).Codes.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Theory]
    [InlineData("T", "Change of placement (but same carer(s)) only")]
    [InlineData("U", "Change of legal status and change of placement (but same carer(s)) at the same time")]
    public void DescriptionOf_ReasonForNewEpisode_ReturnsTheGuidanceWording(string code, string expected)
    {
        Assert.Equal(expected, Ssda903Codes.ReasonForNewEpisode.DescriptionOf(code));
    }

    [Theory]
    [InlineData("X1", "Episode ceases, and new episode begins on same day, for any reason")]
    [InlineData("E17", "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)")]
    public void DescriptionOf_ReasonCeased_ReturnsTheGuidanceWording(string code, string expected)
    {
        Assert.Equal(expected, Ssda903Codes.ReasonEpisodeCeased.DescriptionOf(code));
    }

    [Theory]
    [InlineData("H5", 2025, true)]
    [InlineData("H5", 2026, false)]
    [InlineData("P2", 2026, false)]
    [InlineData("Z1", 2026, false)]
    [InlineData("U6", 2026, true)]
    [InlineData("K2", 2027, true)]
    [InlineData("K3", 2024, false)]
    [InlineData("K3", 2025, true)]
    [InlineData("K3", 2027, true)]
    public void PlacementTypes_AreValidOnlyInTheYearsTheReturnAllows(string code, int collectionYear, bool valid)
    {
        Assert.Equal(valid, Ssda903Codes.PlacementType.Contains(code, collectionYear));
    }

    [Theory]
    [InlineData(2025, 3, 31, 2025)]
    [InlineData(2025, 4, 1, 2026)]
    [InlineData(2026, 1, 10, 2026)]
    [InlineData(2026, 11, 25, 2027)]
    public void CollectionYearOf_IsTheYearTheReturnEnds(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, Ssda903Codes.CollectionYearOf(new DateOnly(year, month, day)));
    }
}
