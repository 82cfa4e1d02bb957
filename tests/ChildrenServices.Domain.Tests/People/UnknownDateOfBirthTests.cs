using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using Xunit;

namespace ChildrenServices.Domain.Tests.People;

/// <summary>A child whose date of birth is not known: an approximate age that goes on counting, flagged until a date is confirmed.</summary>
public class UnknownDateOfBirthTests
{
    private static readonly DateOnly GivenOn = new(2026, 11, 24);

    private static PersonDetails NoDate(int? age, string? reason) =>
        new(null, null, null, Sex.Female, null, null, null, false, null, null, null)
        {
            ApproximateAge = age, DateOfBirthNotKnownReason = reason, RecordedOn = GivenOn,
        };

    [Fact]
    public void Create_AnApproximateAgeAndAReason_IsFlaggedAndTheAgeGoesOnCounting()
    {
        var person = Person.Create(PersonType.Child, "Kit", "Arden", NoDate(7, "  Police gave an age only "));

        Assert.True(person.DateOfBirthNotKnown);
        Assert.Equal("Police gave an age only", person.DateOfBirthNotKnownReason);
        Assert.Null(person.AgeOn(GivenOn));
        Assert.Equal(7, person.ApproximateAgeOn(GivenOn));
        Assert.Equal(8, person.ApproximateAgeOn(GivenOn.AddYears(1)));
    }

    [Fact]
    public void Create_AReasonWithoutAnAge_IsAllowed()
    {
        var person = Person.Create(PersonType.Child, "Kit", "Arden", NoDate(null, "Not known to the caller"));

        Assert.True(person.DateOfBirthNotKnown);
        Assert.Null(person.ApproximateAgeOn(GivenOn));
    }

    [Theory]
    [InlineData(null, null, "DateOfBirth")]
    [InlineData(7, null, "DateOfBirth")]
    [InlineData(121, "Police gave an age only", "ApproximateAge")]
    public void Create_NoDateAndNoReasonOrAnImpossibleAge_IsRefusedOnTheRightField(int? age, string? reason, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Person.Create(PersonType.Child, "Kit", "Arden", NoDate(age, reason)));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void UpdateDetails_AConfirmedDate_ClearsTheFlagTheReasonAndTheApproximateAge()
    {
        var person = Person.Create(PersonType.Child, "Kit", "Arden", NoDate(7, "Police gave an age only"));

        person.UpdateDetails(NoDate(7, "Police gave an age only") with { DateOfBirth = new DateOnly(2019, 3, 2) });

        Assert.False(person.DateOfBirthNotKnown);
        Assert.Null(person.DateOfBirthNotKnownReason);
        Assert.Null(person.ApproximateDateOfBirth);
        Assert.Equal(7, person.AgeOn(GivenOn));
    }
}
