using System.Data.Common;
using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.People.Merging;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.DemoData;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>Merging two records of the same person, and undoing it, through the real pipeline.</summary>
public sealed class MergeRecordsTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateOnly Born = new(2016, 3, 4);

    [Fact]
    public void Model_EveryForeignKeyToAPerson_IsOneTheMergeMoves()
    {
        // A new entity that refers to a person is merged without anyone adding it to a list; this fails if one is
        // added in a shape the merge cannot move (a composite or JSON-stored reference, a key it cannot record).
        using var scope = Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;

        var references = PersonRowMover.In(model);
        var foreignKeys = model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(fk => fk.PrincipalEntityType.ClrType == typeof(Person)).ToList();

        Assert.True(foreignKeys.Count >= 20, $"Expected the model's references to people, found {foreignKeys.Count}");
        Assert.All(foreignKeys, fk => Assert.Contains(references, r => r.Entity == fk.DeclaringEntityType && r.Property == fk.Properties.Single()));
        Assert.Equal(foreignKeys.Count, references.Count);
    }

    [Fact]
    public async Task Merge_SeededChildren_MovesEveryReference_AndUndoPutsEveryRowBack()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 25));
        }

        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var before = await CountsAsync();
        var children = await WithDbAsync(db => db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null).Select(p => p.Id).ToListAsync());
        var ranked = children.OrderByDescending(id => before.Count(r => r.Value.GetValueOrDefault(id) > 0)).ThenBy(id => id).ToList();
        var (merged, survivor) = (ranked[0], ranked[1]);
        var referencesOnMerged = before.Where(r => r.Value.GetValueOrDefault(merged) > 0).Select(r => r.Key).ToList();
        Assert.True(referencesOnMerged.Count >= 8, $"The seeded child has rows in only {referencesOnMerged.Count} tables: {string.Join(", ", referencesOnMerged)}");

        var preview = await SendAsUserAsync(manager, new PreviewMerge.Query(survivor, merged));
        Assert.Null(preview.Refusal);
        var mergeId = await SendAsUserAsync(manager, new MergeRecords.Command
        {
            SurvivorId = survivor, MergedId = merged, SurvivorVersion = await VersionOfAsync(survivor), MergedVersion = await VersionOfAsync(merged),
        });

        var after = await CountsAsync();
        var moved = await WithDbAsync(db => db.PersonMerges.Where(m => m.Id == mergeId).SelectMany(m => m.MovedRows).CountAsync());
        Assert.Equal(preview.Rows.Sum(r => r.Moves), moved);
        Assert.Equal(preview.Rows.Sum(r => r.Stays), after.Sum(r => r.Value.GetValueOrDefault(merged)));
        foreach (var reference in before.Keys)
        {
            // Nothing lost or made: what left the merged record arrived on the survivor.
            Assert.Equal(
                before[reference].GetValueOrDefault(merged) + before[reference].GetValueOrDefault(survivor),
                after[reference].GetValueOrDefault(merged) + after[reference].GetValueOrDefault(survivor));
        }

        // What stays is what the survivor already has one of: relationships to the same people, an open address,
        // allocation or referral (one episode of need at a time, CIN rule 8815); the preview counted each above.
        Assert.All(referencesOnMerged.Where(r => !r.StartsWith("Relationship.", StringComparison.Ordinal) && !r.StartsWith("Allocation.", StringComparison.Ordinal) && !r.StartsWith("Address.", StringComparison.Ordinal) && !r.StartsWith("Referral.", StringComparison.Ordinal)),
            r => Assert.True(after[r].GetValueOrDefault(merged) == 0, $"{r} still has rows on the merged record"));
        Assert.Equal(1, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.PersonId == survivor && n.Kind == NameKind.Current)));
        Assert.Equal(0, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.PersonId == merged)));
        Assert.Equal(survivor, await WithDbAsync(db => db.People.Where(p => p.Id == merged).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "MergeRecords" && (a.PersonId == merged || a.PersonId == survivor))));

        var merge = await SendAsUserAsync(manager, new GetMerge.Query(mergeId));
        Assert.True(merge.CanUndo);
        await SendAsUserAsync(manager, new UndoMerge.Command { MergeId = mergeId, Version = merge.Version });

        var undone = await CountsAsync();
        foreach (var reference in before.Keys)
        {
            Assert.True(before[reference].GetValueOrDefault(merged) == undone[reference].GetValueOrDefault(merged), $"{reference}: the merged record's rows are not all back");
            Assert.True(before[reference].GetValueOrDefault(survivor) == undone[reference].GetValueOrDefault(survivor), $"{reference}: the survivor's rows changed");
        }

        Assert.Null(await WithDbAsync(db => db.People.Where(p => p.Id == merged).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.PersonId == merged && n.Kind == NameKind.Current)));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "UndoMerge")));
    }

    [Fact]
    public async Task Merge_Tombstone_RedirectsAndIsOutOfSearchDuplicatesAndEditing()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born.AddDays(1));

        await MergeAsync(manager, survivor, merged);

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(manager, new GetPersonRecord.Query(merged)));
        Assert.Equal(new FindSurvivor.Result(survivor, "Finlay Walker"), await SendAsUserAsync(manager, new FindSurvivor.Query(merged)));
        Assert.Null(await SendAsUserAsync(manager, new FindSurvivor.Query(survivor)));
        var found = Assert.Single((await SendAsUserAsync(manager, new SearchPeople.Query { Name = "Walker" })).Matches);
        Assert.Equal(survivor, found.Id);

        // The survivor is now found by the merged record's name too; the tombstone never.
        var duplicate = Assert.Single(await SendAsUserAsync(manager, new FindLikelyDuplicates.Query("Finlay", "Walker", Born.AddDays(1), null)));
        Assert.Equal((survivor, "Same name as a previous name, date of birth one day out"), (duplicate.Id, duplicate.Reason));

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(manager, new ChangeName.Command
        {
            PersonId = merged, Version = Guid.Empty, GivenNames = "Fin", FamilyName = "Walker", ChangedOn = Today,
        }));
    }

    [Fact]
    public async Task Merge_WithoutPermission_Forbidden()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var first = await CreateChildAsync(worker, "Finley", "Walker", Born);
        var second = await CreateChildAsync(worker, "Finlay", "Walker", Born);

        await Assert.ThrowsAsync<ForbiddenException>(() => MergeAsync(worker, first, second));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(worker, new PreviewMerge.Query(first, second)));
        Assert.Equal(0, await WithDbAsync(db => db.PersonMerges.CountAsync()));
    }

    [Fact]
    public async Task Merge_StaleVersion_RefusedNamingTheOtherWriter()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var other = await CreateUserAsync(Roles.TeamManager, "Olu Other");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var loaded = await VersionOfAsync(merged);
        await SendAsUserAsync(other, new ChangeName.Command { PersonId = merged, Version = loaded, GivenNames = "Finlay", FamilyName = "Walker-Reid", ChangedOn = Today });

        var survivorVersion = await VersionOfAsync(survivor);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(manager, new MergeRecords.Command
        {
            SurvivorId = survivor, MergedId = merged, SurvivorVersion = survivorVersion, MergedVersion = loaded,
        }));

        Assert.Equal("Olu Other", ex.ChangedBy);
        Assert.Equal(0, await WithDbAsync(db => db.PersonMerges.CountAsync()));
        Assert.Null(await WithDbAsync(db => db.People.Where(p => p.Id == merged).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.PersonId == survivor)));
    }

    [Fact]
    public async Task Undo_AfterTheSetPeriod_Refused()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var mergeId = await MergeAsync(manager, survivor, merged);
        var version = (await SendAsUserAsync(manager, new GetMerge.Query(mergeId))).Version;

        Factory.Clock.Advance(TimeSpan.FromDays(31));

        Assert.False((await SendAsUserAsync(manager, new GetMerge.Query(mergeId))).CanUndo);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(manager, new UndoMerge.Command { MergeId = mergeId, Version = version }));
        Assert.Equal("This merge can no longer be undone: merges can be undone for 30 days", ex.Message);
        Assert.Equal(survivor, await WithDbAsync(db => db.People.Where(p => p.Id == merged).Select(p => p.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public async Task Undo_WhenTheSurvivorWasMergedAgain_RefusedUntilTheLaterMergeIsUndone()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var first = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var second = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var third = await CreateChildAsync(manager, "Finn", "Walker", Born);
        var earlier = await MergeAsync(manager, second, first);
        var later = await MergeAsync(manager, third, second);
        Assert.Equal(new FindSurvivor.Result(third, "Finley Walker"), await SendAsUserAsync(manager, new FindSurvivor.Query(first)));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await SendAsUserAsync(manager, new UndoMerge.Command { MergeId = earlier, Version = (await SendAsUserAsync(manager, new GetMerge.Query(earlier))).Version }));
        Assert.Equal("The record kept by this merge has since been merged into another record. Undo that merge first", ex.Message);

        await SendAsUserAsync(manager, new UndoMerge.Command { MergeId = later, Version = (await SendAsUserAsync(manager, new GetMerge.Query(later))).Version });
        await SendAsUserAsync(manager, new UndoMerge.Command { MergeId = earlier, Version = (await SendAsUserAsync(manager, new GetMerge.Query(earlier))).Version });
        Assert.Equal(3, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.Kind == NameKind.Current && (n.PersonId == first || n.PersonId == second || n.PersonId == third))));
        Assert.Equal(1, await WithDbAsync(db => db.PersonNames.CountAsync(n => n.PersonId == first)));
    }

    [Fact]
    public async Task Undo_Twice_RefusedAsStale()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var mergeId = await MergeAsync(manager, survivor, merged);
        var version = (await SendAsUserAsync(manager, new GetMerge.Query(mergeId))).Version;
        await SendAsUserAsync(manager, new UndoMerge.Command { MergeId = mergeId, Version = version });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(manager, new UndoMerge.Command { MergeId = mergeId, Version = version }));
    }

    [Fact]
    public async Task Merge_RestrictedRecordIntoAnOpenOne_RefusedAndHiddenFromOthers()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var otherManager = await CreateUserAsync(Roles.TeamManager, "Olu Other");
        var open = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var restricted = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        await SendAsUserAsync(manager, new RestrictRecord.Command { PersonId = restricted, Version = await VersionOfAsync(restricted), Reason = RestrictionReason.HighProfile });

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => MergeAsync(manager, open, restricted));
        Assert.StartsWith("Finlay Walker's record is restricted", ex.Message, StringComparison.Ordinal);

        // Someone not allowed on the restricted record learns nothing: it does not exist for them.
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(otherManager, new PreviewMerge.Query(open, restricted)));
        await Assert.ThrowsAsync<NotFoundException>(() => MergeAsync(otherManager, open, restricted));

        // Keeping the restricted record: the open record's history becomes restricted with it, which leaks nothing.
        await MergeAsync(manager, restricted, open);
        Assert.Equal(restricted, await WithDbAsync(db => db.People.Where(p => p.Id == open).Select(p => p.MergedIntoId).SingleAsync()));
    }

    private async Task<Guid> MergeAsync(Guid user, Guid survivor, Guid merged) =>
        await SendAsUserAsync(user, new MergeRecords.Command
        {
            SurvivorId = survivor, MergedId = merged, SurvivorVersion = await VersionOfAsync(survivor), MergedVersion = await VersionOfAsync(merged),
        });

    /// <summary>For every reference to a person in the model, how many rows point at each person.</summary>
    private Task<Dictionary<string, Dictionary<Guid, int>>> CountsAsync() => WithDbAsync(async db =>
    {
        var result = new Dictionary<string, Dictionary<Guid, int>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var reference in PersonRowMover.In(db.Model))
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{reference.Column}\", COUNT(*) FROM \"{reference.Table}\" WHERE \"{reference.Column}\" IS NOT NULL GROUP BY \"{reference.Column}\"";
            var counts = new Dictionary<Guid, int>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[Guid.Parse(reader.GetString(0))] = reader.GetInt32(1);
            }

            result[reference.Describe] = counts;
        }

        return result;
    });
}
