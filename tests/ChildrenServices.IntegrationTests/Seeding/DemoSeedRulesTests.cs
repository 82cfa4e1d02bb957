using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.DemoData;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Seeding;

/// <summary>
/// The demo seed follows the rules because it goes through the use cases where it can (ADR 0022), and
/// it scales because each batch of families is saved from its own DbContext. These are not timing tests:
/// the seed-demo command prints the timings.
/// </summary>
public sealed class DemoSeedRulesTests(AppFactory factory) : IntegrationTest(factory)
{
    private async Task<int> SeedAsync(int families, int batchSize = DemoDataSeeder.BatchSize)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families, batchSize: batchSize));

        // What the seeder's own context still tracks when it is done: must not grow with the families.
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Entries().Count();
    }

    [Fact]
    public async Task DemoSeed_EveryChildWithAnOpenAllocation_HasExactlyOneLead()
    {
        await SeedAsync(60);

        var open = await WithDbAsync(db => db.Allocations.Where(a => a.EndedOn == null).Select(a => new { a.ChildId, a.Role }).ToListAsync());
        Assert.NotEmpty(open);
        Assert.Contains(open, a => a.Role == AllocationRole.CoWorker);
        Assert.All(open.GroupBy(a => a.ChildId), child => Assert.Equal(1, child.Count(a => a.Role == AllocationRole.Lead)));
    }

    [Fact]
    public async Task DemoSeed_StaffTeamsRestrictionsAndTheDuplicatePair_AreMadeThroughTheUseCases()
    {
        // The default demo: a few of its families' children have restricted records.
        await SeedAsync(320);

        // The administrator is made as production makes its first; everyone and every team after that by her, through the pipeline.
        var admin = await WithDbAsync(db => db.Staff.Where(s => s.Email == "admin@demo.example").Select(s => s.Id).SingleAsync());
        var staff = await WithDbAsync(db => db.Staff.Where(s => s.Id != admin).Select(s => new { s.Email, s.UpdatedById }).ToListAsync());
        Assert.Equal(DemoDataSeeder.DemoUsers.Count + 9, staff.Count);
        Assert.All(staff, s => Assert.Equal(admin, s.UpdatedById));
        var teams = await WithDbAsync(db => db.Teams.Select(t => new { t.UpdatedById, t.ManagerId }).ToListAsync());
        Assert.Equal(5, teams.Count);
        Assert.All(teams, t => Assert.Equal(admin, t.UpdatedById));

        // Restricted by the manager of the team holding the child, with the audit row RestrictRecord writes.
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.CorrelationId == DemoActors.CorrelationId).ToListAsync());
        var restricted = await WithDbAsync(db => db.People.Where(p => p.Restriction != null).Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(restricted);
        foreach (var child in restricted)
        {
            var row = Assert.Single(audit, a => a.PersonId == child && a.Action == nameof(RestrictRecord));
            var holdingManager = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == child && a.EndedOn == null && a.Role == AllocationRole.Lead)
                .Join(db.Teams, a => a.TeamId, t => t.Id, (_, t) => t.ManagerId).SingleAsync());
            Assert.Equal(holdingManager, row.UserId);
        }

        // The duplicate pair: recorded, related and noted by the front-door practitioner, as the pages would.
        var frontDoor = await WithDbAsync(db => db.Staff.Where(s => s.Email == "frontdoor@demo.example").Select(s => s.Id).SingleAsync());
        Assert.Equal(3, audit.Count(a => a.Action == nameof(CreatePerson) && a.UserId == frontDoor));
        Assert.Single(audit, a => a.Action == nameof(AddRelationship) && a.UserId == frontDoor);
        var aisha = await WithDbAsync(db => db.People.Where(p => p.GivenNames == "Aisha" && p.FamilyName == "Khatun").Select(p => p.Id).SingleAsync());
        Assert.Single(audit, a => a.Action == nameof(RecordCaseNote) && a.PersonId == aisha && a.UserId == frontDoor);
        Assert.True(await WithDbAsync(db => db.Households.AnyAsync(h => h.Members.Count(m => m.LeftOn == null) == 2 && h.Name.StartsWith("Khatun"))));

        // Every demo role signs in with the demo password the README gives.
        foreach (var user in DemoDataSeeder.DemoUsers)
        {
            Assert.Contains(user.Role, Roles.All);
            Assert.True(await WithDbAsync(db => db.Staff.AnyAsync(s => s.Email == user.Email && s.DisplayName == user.Name)));
        }
    }

    [Fact]
    public async Task DemoSeed_InSmallBatches_MakesTheSameFamilies_AndTheSeedersContextDoesNotGrowWithThem()
    {
        var trackedAfterSmallBatches = await SeedAsync(45, batchSize: 7);
        var smallBatches = await FingerprintAsync();

        await Factory.ResetAsync();
        await SeedAsync(45);
        var oneBatch = await FingerprintAsync();

        await Factory.ResetAsync();
        var trackedAfterFewer = await SeedAsync(12, batchSize: 7);

        Assert.Equal(oneBatch, smallBatches);
        Assert.Equal(trackedAfterFewer, trackedAfterSmallBatches);
    }

    /// <summary>
    /// The families: every person, household and relationship, in an order that does not depend on generated
    /// ids (what later seeders pick by id, such as which child a note is about, may differ run to run).
    /// </summary>
    private Task<List<string>> FingerprintAsync() => WithDbAsync(async db =>
    {
        var people = await db.People.Select(p => $"{p.Type} {p.GivenNames} {p.FamilyName} {p.DateOfBirth} {p.NhsNumber} {p.Restriction}").ToListAsync();
        var households = await db.Households.Select(h => $"{h.Name} {h.Members.Count}").ToListAsync();
        var relationships = await db.Relationships.Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r, p })
            .Join(db.People, x => x.r.RelatedPersonId, p => p.Id, (x, p) => $"{x.p.GivenNames} {x.p.FamilyName} {x.p.DateOfBirth} {x.r.Kind} {p.GivenNames} {p.FamilyName} {p.DateOfBirth}").ToListAsync();
        return people.Concat(households).Concat(relationships).Order(StringComparer.Ordinal).ToList();
    });
}
