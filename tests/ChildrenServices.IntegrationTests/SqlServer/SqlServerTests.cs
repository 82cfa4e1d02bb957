using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.SqlServer;

/// <summary>
/// The same scenarios on SQL Server, migrated by its own migration set. The data of each test is
/// kept apart by unique names rather than by emptying the database.
/// </summary>
public sealed class SqlServerTests(SqlServerFixture fixture) : IntegrationTest(fixture.Factory), IClassFixture<SqlServerFixture>
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..8];

    // No reset: SQL Server data stays, and each test uses names of its own.
    public override ValueTask InitializeAsync()
    {
        Factory.Clock.AdjustTime(AppFactory.Now);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Startup_SqlServer_AppliesEveryMigration()
    {
        SkipWithoutDocker();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType<SqlServerAppDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreatePersonAndSearch_OnSqlServer_FindsByNameIgnoringCaseAndAccents()
    {
        SkipWithoutDocker();
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var child = await CreateChildAsync(practitioner, "Zoë", $"O'Brien-{unique}");

        var result = await SendAsUserAsync(practitioner, new SearchPeople.Query { Name = $"ZOE OBRIEN {unique}" });

        Assert.Equal(child, Assert.Single(result.Matches).Id);
        var audit = await WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.PersonId == child));
        Assert.Equal(("CreatePerson", practitioner), (audit.Action, audit.UserId));
    }

    [Fact]
    public async Task UpdatePersonDetails_OnSqlServerWithStaleVersion_ThrowsConflictNamingWhoChangedIt()
    {
        SkipWithoutDocker();
        var first = await CreateUserAsync(Roles.FrontDoorPractitioner, "Alex First");
        var second = await CreateUserAsync(Roles.FrontDoorPractitioner, "Blair Second");
        var child = await CreateChildAsync(first, "Riley", $"Taylor-{unique}");
        var version = await VersionOfAsync(child);

        await SendAsUserAsync(first, Details(child, version, "Polish"));
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(second, Details(child, version, "Welsh")));

        Assert.Contains("Alex First", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Polish", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == child))).FirstLanguage);
    }

    private void SkipWithoutDocker()
    {
        if (fixture.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private static UpdatePersonDetails.Command Details(Guid personId, Guid version, string firstLanguage) => new()
    {
        PersonId = personId,
        Version = version,
        DateOfBirth = new DateOnly(2018, 5, 14),
        Sex = Sex.Female,
        FirstLanguage = firstLanguage,
    };
}
