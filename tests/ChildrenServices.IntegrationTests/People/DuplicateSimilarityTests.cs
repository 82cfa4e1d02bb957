using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>The name-likeness rule behind the duplicate warning, as a table (no host needed).</summary>
public sealed class DuplicateSimilarityTests
{
    [Theory]
    [InlineData("Amy Johnson", "Amy", "Johnson", "Same name and date of birth")]
    [InlineData("Amy Johnson", "amy", "JOHNSON", "Same name and date of birth")]
    [InlineData("Amy Johnson", "Amy", "Jonhson", "Similar name and same date of birth")] // transposed letters
    [InlineData("Amy Johnson", "Amie", "Johnson", "Similar name and same date of birth")] // one letter out in the given name
    [InlineData("Alexander Smith", "Alex", "Smith", "Similar name and same date of birth")] // shortened given name
    [InlineData("Amy Lee", "Amy", "Li", "Similar name and same date of birth")] // short family name, one letter out
    [InlineData("Amy Johnson", "Noah", "Johnson", null)] // twins
    [InlineData("Amy Johnson", "Amy", "Williams", null)]
    [InlineData("Amy Lee", "Amy", "Khan", null)] // a different short family name
    [InlineData("Amy Johnson", "", "", null)]
    public void Similarity_StoredNameAgainstNewName_FlagsOnlyLikelyDuplicates(string stored, string given, string family, string? expected)
    {
        var reason = DuplicateFinder.Similarity(NameNormaliser.Normalise(stored), NameNormaliser.Normalise(given), NameNormaliser.Normalise(family));

        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("johnson", "johnson", 0)]
    [InlineData("johnson", "jonhson", 2)]
    [InlineData("amy", "noah", 4)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_TwoWords_CountsSingleCharacterEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, DuplicateFinder.Distance(a, b));
        Assert.Equal(expected, DuplicateFinder.Distance(b, a));
    }
}
