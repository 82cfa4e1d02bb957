using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>
/// The local child identifier the returns use (LAchildID): letters and digits, at most 20 (CIN rules 1570 and 1580),
/// unique (8510), given when a person is created, never given twice, shown on the record, searchable, and backfilled
/// for records from before it existed.
/// </summary>
public sealed class LocalIdentifierTests(AppFactory factory) : IntegrationTest(factory)
{
    private Task<string?> LocalIdOfAsync(Guid personId) => WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.LocalId).SingleAsync());

    [Fact]
    public async Task Rule8510_EveryPersonCreated_GetsItsOwnLocalId_OfLettersAndDigits_NoLongerThan20()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var first = await CreateChildAsync(practitioner, "Zoë", "O'Brien");
        var second = await CreateChildAsync(practitioner, "Sam", "Smith");
        // Two at once: the sequence's UPDATE holds the write lock, so they cannot take the same number.
        var together = await Task.WhenAll(CreateChildAsync(practitioner, "Ada", "Lane"), CreateChildAsync(practitioner, "Bo", "Lane"));

        var ids = new List<string>();
        Guid[] everyone = [first, second, .. together];
        foreach (var person in everyone)
        {
            var id = await LocalIdOfAsync(person);
            Assert.True(LocalIdentifier.IsValid(id), $"'{id}' is not 1 to 20 letters and digits (rules 1570, 1580)");
            ids.Add(id!);
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(long.Parse(ids[1], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(ids[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheLocalId_IsShownOnTheRecordAndIdentityBar_AndFindsThePersonInSearch()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await CreateChildAsync(practitioner, "Zoë", "O'Brien");
        await CreateChildAsync(practitioner, "Sam", "Smith");
        var localId = await LocalIdOfAsync(child);

        var record = await PageAsync(ClientFor(practitioner), $"/People/{child}");
        var found = await SendAsUserAsync(practitioner, new SearchPeople.Query { Identifier = $" {localId} " });
        var searchPage = (await SearchAsync(ClientFor(practitioner), F("Input.Identifier", localId!))).Html;

        Assert.Contains($"Local ID:</span> {localId}", record, StringComparison.Ordinal);
        Assert.Contains($"<dt class=\"govuk-summary-list__key\">Local ID</dt>\n        <dd class=\"govuk-summary-list__value\">{localId}<", record, StringComparison.Ordinal);
        Assert.Equal(child, Assert.Single(found.Matches).Id);
        Assert.Contains($"/People/{child}", searchPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsFromBeforeLocalIds_AreBackfilled_WithNumbersNoOneHasHad_AndTheRestKeepTheirs()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var kept = await CreateChildAsync(practitioner, "Zoë", "O'Brien");
        var older = await CreateChildAsync(practitioner, "Sam", "Smith");
        var oldest = await CreateChildAsync(practitioner, "Ada", "Lane");
        var keptId = await LocalIdOfAsync(kept);
        var givenBefore = await WithDbAsync(db => db.People.Where(p => p.LocalId != null).Select(p => p.LocalId!).ToListAsync());
        // As a database from before local identifiers: two records without one.
        await WithDbAsync(db => db.People.Where(p => p.Id == older || p.Id == oldest).ExecuteUpdateAsync(s => s.SetProperty(p => p.LocalId, (string?)null)));
        Assert.Null(await LocalIdOfAsync(older));

        var numbered = await WithDbAsync(db => LocalIdentifiers.BackfillAsync(db));
        var again = await WithDbAsync(db => LocalIdentifiers.BackfillAsync(db));

        Assert.Equal((2, 0), (numbered, again));
        Assert.Equal(keptId, await LocalIdOfAsync(kept));
        foreach (var person in new[] { older, oldest })
        {
            var id = await LocalIdOfAsync(person);
            Assert.True(LocalIdentifier.IsValid(id));
            Assert.DoesNotContain(id, givenBefore); // never a number someone has had, even one since taken back
        }

        Assert.NotEqual(await LocalIdOfAsync(older), await LocalIdOfAsync(oldest));
    }
}
