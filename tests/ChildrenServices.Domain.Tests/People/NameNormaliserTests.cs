using ChildrenServices.Domain.People;
using Xunit;

namespace ChildrenServices.Domain.Tests.People;

public class NameNormaliserTests
{
    [Theory]
    [InlineData("Zoë O'Brien", "zoe obrien")]
    [InlineData("ZOE OBRIEN", "zoe obrien")]
    [InlineData("O’Neill", "oneill")] // typographic apostrophe
    [InlineData("Anne-Marie", "anne marie")]
    [InlineData("  Jean   Paul  ", "jean paul")]
    [InlineData("Renée-Claire D'Arcy", "renee claire darcy")]
    [InlineData("Nguyễn", "nguyen")] // two marks on one letter
    [InlineData("Smith, John.", "smith john")]
    [InlineData("Child07", "child07")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalise_Name_FoldsCaseAccentsAndPunctuation(string? input, string expected)
    {
        Assert.Equal(expected, NameNormaliser.Normalise(input));
    }

    [Fact]
    public void Normalise_ComposedAndDecomposedSpellings_Agree()
    {
        // "é" typed as one character and as "e" plus a combining accent.
        Assert.Equal(NameNormaliser.Normalise("Ren\u00e9e"), NameNormaliser.Normalise("Rene\u0301e"));
    }
}
