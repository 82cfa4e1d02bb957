using ChildrenServices.Domain.People;

namespace ChildrenServices.Domain.Tests.People;

/// <summary>The stored phonetic key behind the duplicate check: American Soundex, and the keys each name row carries.</summary>
public sealed class SoundexTests
{
    private static readonly PersonDetails Details = new(new DateOnly(2019, 4, 2), null, null, Sex.Male, null, null, null, false, null, null, null);

    [Theory]
    [InlineData("Robert", "R163")] // the US National Archives' own examples
    [InlineData("Rupert", "R163")]
    [InlineData("Rubin", "R150")]
    [InlineData("Ashcraft", "A261")] // H between two letters of the same code does not separate them
    [InlineData("Tymczak", "T522")] // a vowel does
    [InlineData("Pfister", "P236")] // the first letter's code is not repeated
    [InlineData("Lee", "L000")]
    [InlineData("o'brien", "O165")]
    [InlineData("", "")]
    [InlineData("123", "")]
    public void Encode_Word_GivesTheArchivesKey(string word, string expected) => Assert.Equal(expected, Soundex.Encode(word));

    [Theory]
    [InlineData("Finlay", "Finley")]
    [InlineData("Aisha", "Ayesha")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Smith", "Smyth")]
    public void Encode_SpellingsThatSoundTheSame_ShareAKey(string a, string b) => Assert.Equal(Soundex.Encode(a), Soundex.Encode(b));

    [Theory]
    [InlineData("Finlay", "Harvey")]
    [InlineData("Smith", "Jones")]
    public void Encode_DifferentNames_DifferentKeys(string a, string b) => Assert.NotEqual(Soundex.Encode(a), Soundex.Encode(b));

    [Theory]
    [InlineData("Aisha Marie", "Smith-Jones", "A200", "S530", "J520")]
    [InlineData("Finley", "Okafor Lyle", "F540", "O216", "L400")]
    [InlineData("Zoë", "O'Brien", "Z000", "O165", "O165")]
    public void PersonName_KeysTheFirstGivenNameAndEachEndOfTheFamilyName(string given, string family, string givenKey, string familyKey, string lastKey)
    {
        var person = Person.Create(PersonType.Child, given, family, Details);

        var name = Assert.Single(person.Names);
        Assert.Equal((givenKey, familyKey, lastKey), (name.GivenKey, name.FamilyKey, name.FamilyLastKey));
    }

    [Fact]
    public void ChangeName_PreviousNameKeepsItsKeys_NewNameIsKeyed()
    {
        var person = Person.Create(PersonType.Child, "Finlay", "Smith", Details);

        person.ChangeName("Finlay", "Okafor", new DateOnly(2024, 1, 1));

        Assert.Equal(["S530", "O216"], person.Names.Select(n => n.FamilyKey));
        Assert.False(person.Names[0].ComputeMatchKeys()); // already keyed: nothing to do
    }
}
