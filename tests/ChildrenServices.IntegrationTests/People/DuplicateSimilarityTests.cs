using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>The ranking rule behind the duplicate warning, as a table (no host needed): each kind of mistype, and near misses that are other people.</summary>
public sealed class DuplicateSimilarityTests
{
    [Theory]
    // Names
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "Amy", "Johnson", "Same name and same date of birth")]
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "amy", "JOHNSON", "Same name and same date of birth")]
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "Amy", "Jonhson", "Similar name and same date of birth")] // transposed letters
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "Amie", "Johnson", "Similar name and same date of birth")] // one letter out
    [InlineData("Alexander", "Smith", BirthDateMatch.Same, "Alex", "Smith", "Similar name and same date of birth")] // short form
    [InlineData("Finlay", "Walker", BirthDateMatch.Same, "Finley", "Walker", "Similar name and same date of birth")] // phonetic
    [InlineData("Aisha", "Begum", BirthDateMatch.Same, "Ayesha", "Begum", "Similar name and same date of birth")] // phonetic
    [InlineData("Aisha", "Smith-Jones", BirthDateMatch.Same, "Aisha", "Jones", "Similar name and same date of birth")] // one part of a hyphenated name
    [InlineData("Aisha", "Smith Jones", BirthDateMatch.Same, "Aisha", "Smith", "Similar name and same date of birth")] // one part of a double-barrelled name
    [InlineData("Aisha", "Jones", BirthDateMatch.Same, "Aisha", "Smith-Jones", "Similar name and same date of birth")] // the new name is hyphenated
    [InlineData("Amy", "Lee", BirthDateMatch.Same, "Amy", "Li", "Similar name and same date of birth")]
    // Dates of birth
    [InlineData("Finlay", "Walker", BirthDateMatch.OneDayOut, "Finlay", "Walker", "Same name, date of birth one day out")]
    [InlineData("Finlay", "Walker", BirthDateMatch.DayAndMonthSwapped, "Finley", "Walker", "Similar name, day and month of birth swapped")]
    [InlineData("Aisha", "Begum", BirthDateMatch.SameYear, "Ayesha", "Begum", "Similar name, born the same year")]
    [InlineData("Amy", "Johnson", BirthDateMatch.SameYear, "Amy", "Johnson", "Same name, born the same year")]
    // Other people
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "Noah", "Johnson", null)] // twins
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "Amy", "Williams", null)]
    [InlineData("Amy", "Lee", BirthDateMatch.Same, "Amy", "Khan", null)]
    [InlineData("Amy", "Johnson", BirthDateMatch.Same, "", "", null)]
    [InlineData("Amy", "Johnson", BirthDateMatch.None, "Amy", "Johnson", null)] // born years apart
    [InlineData("Amy", "Johnson", BirthDateMatch.SameYear, "Ann", "Johnson", null)] // same Soundex, but another name, and only the year agrees
    [InlineData("Amy", "Johnson", BirthDateMatch.OneDayOut, "Noah", "Johnson", null)] // siblings a day apart (twins either side of midnight)
    [InlineData("Aisha", "Smith-Jones", BirthDateMatch.Same, "Aisha", "Brown", null)]
    public void Reason_StoredNameAgainstTyped_FlagsOnlyLikelyDuplicates(string storedGiven, string storedFamily, BirthDateMatch dates, string given, string family, string? expected)
    {
        var reason = NameMatching.Reason(
            NameNormaliser.Normalise(storedGiven), NameNormaliser.Normalise(storedFamily), NameKind.Current, dates,
            NameNormaliser.Normalise(given), NameNormaliser.Normalise(family));

        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData(NameKind.Previous, "Same name as a previous name and same date of birth")]
    [InlineData(NameKind.Alias, "Same name as a previous name and same date of birth")]
    public void Reason_MatchOnAPreviousName_SaysSo(NameKind kind, string expected) =>
        Assert.Equal(expected, NameMatching.Reason("amy", "johnson", kind, BirthDateMatch.Same, "amy", "johnson"));

    [Theory]
    [InlineData("2016-09-30", "2016-09-30", BirthDateMatch.Same)]
    [InlineData("2016-09-29", "2016-09-30", BirthDateMatch.OneDayOut)]
    [InlineData("2017-01-01", "2016-12-31", BirthDateMatch.OneDayOut)] // across a year end
    [InlineData("2016-03-04", "2016-04-03", BirthDateMatch.DayAndMonthSwapped)]
    [InlineData("2016-06-20", "2016-09-30", BirthDateMatch.SameYear)]
    [InlineData("2015-09-30", "2016-09-30", BirthDateMatch.None)]
    [InlineData("2016-04-03", "2017-03-04", BirthDateMatch.None)] // swapped, but another year
    public void CompareDates_StoredAgainstTyped(string stored, string typed, BirthDateMatch expected) =>
        Assert.Equal(expected, NameMatching.CompareDates(DateOnly.Parse(stored), DateOnly.Parse(typed)));

    [Fact]
    public void CloseDates_DayEitherSideAndDayMonthSwap_WhatTheDatabaseIsAskedFor()
    {
        Assert.Equal(
            [new DateOnly(2016, 3, 4), new DateOnly(2016, 3, 3), new DateOnly(2016, 3, 5), new DateOnly(2016, 4, 3)],
            NameMatching.CloseDates(new DateOnly(2016, 3, 4)));
        Assert.Equal(3, NameMatching.CloseDates(new DateOnly(2016, 9, 30)).Count); // no 30th month
        Assert.Equal(3, NameMatching.CloseDates(new DateOnly(2016, 5, 5)).Count); // swapping changes nothing
    }

    [Theory]
    [InlineData("johnson", "johnson", 0)]
    [InlineData("johnson", "jonhson", 1)] // a swap of neighbouring letters is one slip
    [InlineData("kitten", "sitting", 3)]
    public void Distance_TwoWords_CountsSlips(string a, string b, int expected)
    {
        Assert.Equal(expected, NameMatching.Distance(a, b));
        Assert.Equal(expected, NameMatching.Distance(b, a));
    }
}
