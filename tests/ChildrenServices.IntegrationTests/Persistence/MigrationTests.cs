using System.Data.Common;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Persistence;

public sealed class MigrationTests(AppFactory factory)
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = SqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQLite migration: add one");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQL Server migration: add one");
    }

    [Fact]
    public void MigrationSets_HaveTheSameMigrationsInTheSameOrder()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        // Ids are "<timestamp>_<name>"; the two sets are generated moments apart, so compare the names.
        var sqliteNames = sqlite.Database.GetMigrations().Select(NameOf).ToList();
        var sqlServerNames = sqlServer.Database.GetMigrations().Select(NameOf).ToList();

        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, sqlServerNames);
    }

    [Fact]
    public async Task Startup_SqliteDatabase_FullyMigratedInWalModeWithForeignKeysOn()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.IsType<SqliteAppDbContext>(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
            Assert.Equal("10000", await PragmaAsync(connection, "busy_timeout"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The settings are made once per physical connection, not on every open (SqlitePragmas): every connection the pool
    /// hands back, to requests one after another and to several at once, still enforces foreign keys, waits for a writer
    /// and keeps a page cache big enough for a page's reads.
    /// </summary>
    [Fact]
    public async Task EveryConnectionThePoolHandsBack_EnforcesForeignKeys_WaitsForAWriter_AndKeepsItsPageCache()
    {
        async Task<(string? ForeignKeys, string? BusyTimeout, string? CacheSize)> OpenAndReadAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            _ = await db.Teams.CountAsync(TestContext.Current.CancellationToken);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                var connection = db.Database.GetDbConnection();
                return (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "busy_timeout"), await PragmaAsync(connection, "cache_size"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(("1", "10000", "-16384"), await OpenAndReadAsync());
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(OpenAndReadAsync)));
        Assert.All(together, settings => Assert.Equal(("1", "10000", "-16384"), settings));
    }

    /// <summary>
    /// EF Core refuses to run a compiled query against a model other than the one it was compiled for, and the SQLite and
    /// SQL Server models differ: the pages' compiled queries are compiled once for each model, and reused for it.
    /// </summary>
    [Fact]
    public void ACompiledQuery_IsCompiledOnceForEachModel()
    {
        using var sqlite = SqliteContext();
        using var otherSqlite = SqliteContext();
        using var sqlServer = SqlServerContext();
        var compiled = 0;
        var query = new ChildrenServices.Application.CompiledQuery<object>(() => new { Number = ++compiled });

        var forSqlite = query.For(sqlite);
        Assert.Same(forSqlite, query.For(otherSqlite));
        Assert.NotSame(forSqlite, query.For(sqlServer));
        Assert.Same(query.For(sqlServer), query.For(sqlServer));
        Assert.Equal(2, compiled);
    }

    [Fact]
    public void EachProvider_HasExactlyOneInitialMigration()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        // ADR 0003: until the first council goes live the schema is one migration, regenerated on model change.
        Assert.Equal(["Initial"], sqlite.Database.GetMigrations().Select(NameOf));
        Assert.Equal(["Initial"], sqlServer.Database.GetMigrations().Select(NameOf));
    }

    [Fact]
    public async Task Migrate_SqliteDatabaseFromAnOlderBuildsMigrations_IsRecreatedWithTheCurrentSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"childrenservices-old-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}", DatabaseSetup.SqliteOptions).Options;
            await using (var old = new SqliteAppDbContext(options))
            {
                await old.Database.ExecuteSqlRawAsync(
                    "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);"
                    + "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20261124111109_Initial', '10.0.0');"
                    + "CREATE TABLE \"People\" (\"Id\" TEXT PRIMARY KEY);", ct);
            }

            await using var db = new SqliteAppDbContext(options);
            var recreated = await DatabaseSetup.MigrateAsync(db, ct);

            Assert.True(recreated);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
            Assert.Equal(0, await db.People.CountAsync(ct));
        }
        finally
        {
            // This file's pool only: other test classes' hosts run alongside.
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"));
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static SqliteAppDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:", DatabaseSetup.SqliteOptions).Options);

    private static SqlServerAppDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=none;Database=none;TrustServerCertificate=True", DatabaseSetup.SqlServerOptions).Options);

    private static async Task<string?> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
