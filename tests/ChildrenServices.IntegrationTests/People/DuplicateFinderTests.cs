using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>
/// The duplicate check against the database: candidates come from the stored keys and date-of-birth slips, so
/// each kind of mistype has to be found by the query as well as ranked.
/// </summary>
public sealed class DuplicateFinderTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateOnly Born = new(2016, 3, 4);

    private async Task<(Guid User, Guid Existing)> RecordedAsync(string given, string family, DateOnly? born = null)
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var existing = await CreateChildAsync(worker, given, family, born ?? Born);
        return (worker, existing);
    }

    [Theory]
    [InlineData("Finlay", "Walker", "2016-03-05", "Finley", "Walker", "Similar name, date of birth one day out")]
    [InlineData("Finlay", "Walker", "2016-04-03", "Finlay", "Walker", "Same name, day and month of birth swapped")]
    [InlineData("Aisha", "Begum", "2016-11-20", "Ayesha", "Begum", "Similar name, born the same year")]
    [InlineData("Aisha", "Smith-Jones", "2016-03-04", "Aisha", "Jones", "Similar name and same date of birth")]
    [InlineData("Aisha", "Smith-Jones", "2016-08-01", "Ayesha", "Jones", "Similar name, born the same year")] // the second part's key
    [InlineData("Aisha", "Jones", "2016-08-01", "Aisha", "Smith Jones", "Similar name, born the same year")] // the typed name is double-barrelled
    public async Task Find_Mistyped_FindsTheRecordedChild(string given, string family, string typedBorn, string typedGiven, string typedFamily, string reason)
    {
        var (worker, existing) = await RecordedAsync(given, family);

        var candidate = Assert.Single(await SendAsUserAsync(worker, new FindLikelyDuplicates.Query(typedGiven, typedFamily, DateOnly.Parse(typedBorn), null)));

        Assert.Equal((existing, reason), (candidate.Id, candidate.Reason));
    }

    [Theory]
    [InlineData("Noah", "Begum", "2016-03-04")] // a twin
    [InlineData("Ann", "Begum", "2016-07-01")] // same year, another name that happens to share a key
    [InlineData("Aisha", "Begum", "2017-03-04")] // a year out
    [InlineData("Aisha", "Brown", "2016-03-05")]
    public async Task Find_SomeoneElse_NotFlagged(string typedGiven, string typedFamily, string typedBorn)
    {
        var (worker, _) = await RecordedAsync("Amy", "Begum");
        await CreateChildAsync(worker, "Aisha", "Begum", new DateOnly(2015, 3, 4));

        Assert.Empty(await SendAsUserAsync(worker, new FindLikelyDuplicates.Query(typedGiven, typedFamily, DateOnly.Parse(typedBorn), null)));
    }

    [Fact]
    public async Task Find_PreviousName_DayOut_FoundAndSaysItWasAPreviousName()
    {
        var (worker, existing) = await RecordedAsync("Amy", "Johnson");
        await SendAsUserAsync(worker, new ChangeName.Command
        {
            PersonId = existing, Version = await VersionOfAsync(existing), GivenNames = "Amy", FamilyName = "Okafor", ChangedOn = Today.AddMonths(-1),
        });

        var candidate = Assert.Single(await SendAsUserAsync(worker, new FindLikelyDuplicates.Query("Amy", "Johnson", Born.AddDays(1), null)));

        Assert.Equal((existing, "Same name as a previous name, date of birth one day out"), (candidate.Id, candidate.Reason));
    }

    [Fact]
    public async Task KeyNames_RowsSavedBeforeTheKeys_KeyedAtStartUp()
    {
        var (worker, existing) = await RecordedAsync("Finlay", "Walker");
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE PersonNames SET GivenKey = NULL, FamilyKey = NULL, FamilyLastKey = NULL"));
        Assert.Empty(await SendAsUserAsync(worker, new FindLikelyDuplicates.Query("Finley", "Walker", new DateOnly(2016, 10, 1), null)));

        var keyed = await WithDbAsync(db => DatabaseSetup.KeyNamesAsync(db));

        Assert.Equal(1, keyed);
        var candidate = Assert.Single(await SendAsUserAsync(worker, new FindLikelyDuplicates.Query("Finley", "Walker", new DateOnly(2016, 10, 1), null)));
        Assert.Equal(existing, candidate.Id);
    }
}
