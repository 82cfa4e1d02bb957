using ChildrenServices.Domain.Codes;

namespace ChildrenServices.Domain.Tests.Codes;

/// <summary>The returns' code sets by collection year: what is valid in a year, and what changed from the year before.</summary>
public sealed class ReturnCodeSetsTests
{
    [Fact]
    public void APlacementTypeRetiredAfter2024To25_IsNotInThe2025To26Set_AndIsListedAsRetired()
    {
        var set = Ssda903Codes.PlacementType;

        Assert.Contains(ReturnCodeSets.In(set, 2025), c => c.Value == "H5");
        Assert.DoesNotContain(ReturnCodeSets.In(set, 2026), c => c.Value == "H5");
        Assert.Equal(["H5", "P2", "Z1"], ReturnCodeSets.ChangesIn(set, 2026).Retired.Select(c => c.Value));
        Assert.Equal(["K3"], ReturnCodeSets.ChangesIn(set, 2025).Added.Select(c => c.Value));
    }

    [Fact]
    public void ACodeReworded_IsListedAsReworded_WithItsNewWording()
    {
        var change = ReturnCodeSets.ChangesIn(DfeCodes.PrimaryNeed, 2026);

        var n1 = Assert.Single(change.Reworded, c => c.Value == "N1");
        Assert.Equal("Abuse, neglect and exploitation", n1.Description);
        Assert.Equal("Abuse or neglect", Assert.Single(ReturnCodeSets.In(DfeCodes.PrimaryNeed, 2025), c => c.Value == "N1").Description);
        Assert.DoesNotContain(change.Added, c => c.Value == "N1");
    }

    [Fact]
    public void EveryCodeSetTheReturnsUse_IsListedOnce()
    {
        Assert.Equal(ReturnCodeSets.All.Count, ReturnCodeSets.All.Select(e => e.Set).Distinct().Count());
        Assert.Contains(ReturnCodeSets.All, e => e.Set == Ssda903Codes.PlacementType && e.Return == "SSDA903");
        Assert.Contains(ReturnCodeSets.All, e => e.Set == DfeCodes.ReasonForClosure && e.Return == "CIN census");
    }
}
