using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.People;

public sealed class CreatePersonTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateOnly Birthday = new(2016, 9, 30);

    [Fact]
    public async Task CreatePerson_ValidChild_SavesWithNormalisedIdentifiersAndAddress()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var id = await SendAsUserAsync(practitioner, NewChild("Ada", "Lovelace", Birthday, "943-476-5919") with
        {
            AddressLine1 = "1 High Street",
            Postcode = "sn12ab",
            LivingThereSince = new DateOnly(2020, 1, 1),
        });

        var record = await SendAsUserAsync(practitioner, new GetPersonRecord.Query(id));
        Assert.Equal("Ada Lovelace", record.FullName);
        Assert.Equal("9434765919", record.NhsNumber);
        Assert.Equal("SN1 2AB", record.CurrentAddress!.Postcode);
        Assert.Equal(10, record.Age);
        Assert.Equal("Fran Door", record.UpdatedByName);
    }

    [Fact]
    public async Task CreatePerson_SameNhsNumberAsSomeoneRecorded_RefusedUntilConfirmedNotADuplicate()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var existing = await CreateChildAsync(practitioner, "Ada", "Lovelace", Birthday, "9434765919");
        var again = NewChild("Augusta", "Byron", new DateOnly(2011, 1, 1), "943 476 5919");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(practitioner, again));

        Assert.Equal("ConfirmedNotDuplicate", Assert.Single(ex.Errors).PropertyName);
        Assert.Equal(1, await WithDbAsync(db => db.People.CountAsync()));
        var candidate = Assert.Single(await SendAsUserAsync(practitioner, new FindLikelyDuplicates.Query("Augusta", "Byron", null, "943 476 5919")));
        Assert.Equal((existing, "Same NHS number"), (candidate.Id, candidate.Reason));

        var saved = await SendAsUserAsync(practitioner, again with { ConfirmedNotDuplicate = true });

        Assert.NotEqual(existing, saved);
        Assert.Equal(2, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePerson_SimilarNameSameDateOfBirth_FlaggedAsLikelyDuplicate()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var existing = await CreateChildAsync(practitioner, "Amy", "Johnson", Birthday);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(practitioner, NewChild("Amy", "Jonhson", Birthday)));

        Assert.Equal("ConfirmedNotDuplicate", Assert.Single(ex.Errors).PropertyName);
        var candidate = Assert.Single(await SendAsUserAsync(practitioner, new FindLikelyDuplicates.Query("Amy", "Jonhson", Birthday, null)));
        Assert.Equal((existing, "Similar name and same date of birth"), (candidate.Id, candidate.Reason));
    }

    [Fact]
    public async Task CreatePerson_SameNameDifferentDateOfBirth_NotFlagged()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateChildAsync(practitioner, "Amy", "Johnson", Birthday);

        await SendAsUserAsync(practitioner, NewChild("Amy", "Johnson", Birthday.AddYears(-1)));

        Assert.Equal(2, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePerson_TwinWithDifferentGivenName_NotFlagged()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateChildAsync(practitioner, "Amy", "Johnson", Birthday);

        Assert.Empty(await SendAsUserAsync(practitioner, new FindLikelyDuplicates.Query("Noah", "Johnson", Birthday, null)));
        await SendAsUserAsync(practitioner, NewChild("Noah", "Johnson", Birthday));

        Assert.Equal(2, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePerson_MatchesAPreviousName_Flagged()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var existing = await CreateChildAsync(practitioner, "Amy", "Johnson", Birthday);
        await SendAsUserAsync(practitioner, new ChangeName.Command
        {
            PersonId = existing,
            Version = await VersionOfAsync(existing),
            GivenNames = "Amy",
            FamilyName = "Okafor",
            ChangedOn = Today.AddMonths(-1),
        });

        var candidate = Assert.Single(await SendAsUserAsync(practitioner, new FindLikelyDuplicates.Query("Amy", "Johnson", Birthday, null)));

        Assert.Equal(existing, candidate.Id);
        Assert.Equal("Okafor", candidate.FamilyName);
    }

    [Theory]
    [InlineData("943 476 5918")] // check digit wrong
    [InlineData("94347659")] // too short
    [InlineData("1111111111")] // placeholder
    public async Task CreatePerson_InvalidNhsNumber_ValidationErrorOnNhsNumber(string nhsNumber)
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsUserAsync(practitioner, NewChild(nhsNumber: nhsNumber) with { ConfirmedNotDuplicate = true }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("NhsNumber", error.PropertyName);
        Assert.StartsWith("Enter a valid NHS number", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }
}
