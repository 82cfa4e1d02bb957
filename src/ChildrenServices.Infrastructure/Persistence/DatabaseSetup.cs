using System.Data.Common;
using System.Runtime.CompilerServices;
using ChildrenServices.Application;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseSetup
{
    public static void SqliteOptions(SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsHistoryTable("__EFMigrationsHistory");

    public static void SqlServerOptions(Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder sqlServer) =>
        sqlServer.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);

    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite (a file under the data folder) unless configuration chooses SQL Server. Either way the
    /// rest of the app sees one <see cref="AppDbContext"/>.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);

        // Development and Testing refuse a synchronous query in a validator (SynchronousQueryGuard).
        // The options are made once for the app (their interceptors hold no per-request state), not for every request's
        // context.
        IInterceptor[] guards = configuration.GetValue<bool>("Database:RefuseSynchronousQueries") ? [new SynchronousQueryInterceptor()] : [];
        if (provider == DatabaseProvider.SqlServer)
        {
            var connectionString = configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set");
            services.AddDbContext<SqlServerAppDbContext>(
                o => o.UseSqlServer(connectionString, SqlServerOptions).AddInterceptors([OneOpenRefusals.Instance, .. guards]),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration, contentRoot);
            services.AddDbContext<SqliteAppDbContext>(
                o => o.UseSqlite(connectionString, SqliteOptions).AddInterceptors([new SqlitePragmas(), OneOpenRefusals.Instance, .. guards]),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        return services;
    }

    /// <summary>
    /// The page cache each SQLite connection keeps, 16 MiB rather than SQLite's 2 MiB: at 100,000 children the reads of one
    /// page (My work's due work and approvals, say) touch more than 2 MiB between them, so each evicted the others' pages and
    /// every statement read its pages again from the file (a statement that takes 0.18 ms with the pages cached took 0.44 ms).
    /// The cache fills only as pages are read. The benchmark's raw-SQL floor runs with the same setting (ADR 0035).
    /// </summary>
    public const string SqliteReadSettings = "PRAGMA cache_size = -16384;";

    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/childrenservices.db");
        if (!Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        // Foreign keys are enforced by SqlitePragmas, once per physical connection; the keyword would run its pragma on every open.
        builder.ForeignKeys = null;
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Creates or upgrades the schema. SQLite is switched to WAL so readers never wait for a writer. Until the
    /// first council goes live there is one initial migration per provider, regenerated when the model changes
    /// (ADR 0003): an embedded SQLite database made by a migration this build does not have is a demo database
    /// from an older build, so it is recreated; a SQL Server database in that state is refused with a reason.
    /// Returns true when an out-of-date SQLite database was recreated.
    /// </summary>
    public static async Task<bool> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        var recreated = false;
        if (unknown.Count > 0)
        {
            if (!db.Database.IsSqlite())
            {
                throw new InvalidOperationException(
                    $"The database was made by migration {unknown[0]}, which this build does not have. Before the first council goes "
                    + "live the schema has one initial migration, regenerated on model change (ADR 0003): recreate the database.");
            }

            // The file and its write-ahead log: a new database beside an old log would read the old pages.
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            recreated = true;
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await KeyNamesAsync(db, ct);
        await LocalIdentifiers.BackfillAsync(db, ct);
        await OptimiseAsync(db, ct);
        return recreated;
    }

    /// <summary>
    /// SQLite plans a query from the statistics ANALYZE gathers; without them it guesses, and at 100,000 children it
    /// guessed a scan of every early help episode and household for each child's record (250 ms instead of 50).
    /// <c>PRAGMA optimize</c> gathers them for the tables that need it (all of them the first time), within a limit of
    /// rows read per index so it stays quick on a large file. SQL Server keeps its own statistics.
    /// </summary>
    public static async Task OptimiseAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", ct);
        }
    }

    /// <summary>
    /// Names saved before the duplicate check stored phonetic keys get them, a batch at a time (the keys are the
    /// domain's own <see cref="Domain.People.PersonName.ComputeMatchKeys"/>, so a migration cannot compute them).
    /// </summary>
    public static async Task<int> KeyNamesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var keyed = 0;
        while (true)
        {
            var batch = await db.PersonNames.Where(n => n.GivenKey == null).OrderBy(n => n.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return keyed;
            }

            foreach (var name in batch)
            {
                name.ComputeMatchKeys();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            keyed += batch.Count;
        }
    }
}

/// <summary>
/// Per-connection SQLite settings: foreign keys enforced, a busy timeout so a writer waits for another rather than
/// failing at once, and a page cache big enough for a page's reads (<see cref="DatabaseSetup.SqliteReadSettings"/>). (Writes use BEGIN IMMEDIATE, Microsoft.Data.Sqlite's default for BeginTransaction, so two writers
/// queue rather than deadlock on upgrade.) They last as long as the physical connection, which the pool hands back with
/// them still set, so each is set once per physical connection rather than on every open: EF Core opens and closes the
/// connection around each query, and a page of eight queries ran these statements (and, with <c>Foreign Keys</c> in the
/// connection string, Microsoft.Data.Sqlite's own) eight times.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Settings = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; " + DatabaseSetup.SqliteReadSettings;

    /// <summary>The physical connections (their SQLite handles) already set; an entry goes when its connection is closed for good and collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Set.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Settings;
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Set.AddOrUpdate(handle, handle);
        }
    }
}
