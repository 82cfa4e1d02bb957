using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChildrenServices.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a SQLite file of its own (or, for the SQL Server tests, on a given SQL Server),
/// with a fake clock, captured logs and a test authentication scheme backed by real user rows.
/// One per test class (<see cref="IntegrationTest"/> declares it as a class fixture), so classes run
/// side by side, each on its own data and its own clock. The first factory of the run lets the real
/// migrations build its file and keeps a copy as a template; every later factory starts from a copy
/// of that file (a file copy costs milliseconds, migrating costs seconds), and its host starts the
/// first time a test uses it.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Tuesday 24 November 2026, 10:00 UTC (10:00 in the UK too: GMT).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-{Guid.NewGuid():N}.db");
    private readonly string keysPath = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-keys-{Guid.NewGuid():N}");
    private IReadOnlyList<string>? tablesToReset;

    /// <summary>Where the daily feed writes its files in the tests (no endpoint is set): the test run's own, deleted after.</summary>
    public string FeedFolder => keysPath + "-daily-feed";
    private string? snapshotPath;

    /// <summary>The migrated, empty database (roles only) that every factory after the first starts from.</summary>
    private static readonly string TemplatePath = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-template-{Guid.NewGuid():N}.db");

    private static readonly TaskCompletionSource TemplateReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int templateClaimed;

    /// <summary>
    /// PBKDF2 rounds for passwords hashed by a test host. Identity's default (100,000) costs tens of milliseconds of
    /// CPU per hash, and the tests make a user (a hash) for nearly every test; the hash is still Identity's real
    /// format and the sign-in form still verifies it, only cheaper. Test hosts only: the app keeps the default.
    /// </summary>
    public const int TestPasswordHashIterations = 1_000;

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>
    /// Every client talks HTTPS, as a browser does to the service: the app runs its HTTPS-only settings here (Secure,
    /// <c>__Host-</c> cookies; plain requests redirected), which a cookie container honours.
    /// </summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public LogCapture Logs { get; } = new();

    public bool IsSqlServer => SqlServerConnectionString is not null;

    /// <summary>Set (by the SQL Server tests) to run the app on SQL Server instead of SQLite. Read when the host starts.</summary>
    protected virtual string? SqlServerConnectionString => null;

    /// <summary>The SQLite connection string the host uses.</summary>
    public string SqliteConnectionString => new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    public virtual async ValueTask InitializeAsync()
    {
        if (IsSqlServer)
        {
            // Starts the host: the program migrates the database and creates the roles.
            _ = Server;
            return;
        }

        if (Interlocked.Exchange(ref templateClaimed, 1) == 0)
        {
            try
            {
                // The first factory starts its host now: the program migrates this file and creates the roles.
                _ = Server;
                await CopyDatabaseAsync(SqliteConnectionString, TemplatePath);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDatabaseFiles(TemplatePath);
                TemplateReady.SetResult();
            }
            catch (Exception ex)
            {
                TemplateReady.SetException(ex);
                throw;
            }
        }
        else
        {
            // The host starts when a test first uses it; on an already migrated file the program's
            // migration and role steps find nothing to do.
            await TemplateReady.Task;
            File.Copy(TemplatePath, databasePath);
        }
    }

    /// <summary>
    /// Empties every table except the roles, the migration history and the local identifier sequence (which, as in
    /// a council's database, never goes back), and resets the clock and the captured logs.
    /// </summary>
    public async Task ResetAsync()
    {
        Clock.AdjustTime(Now);
        Logs.Clear();

        // The app keeps the timescale settings between requests; the emptied database has none.
        Services.GetRequiredService<ChildrenServices.Application.Timescales.TimescaleSettingsCache>().Clear();
        if (IsSqlServer)
        {
            throw new NotSupportedException("The SQL Server tests keep their data apart with unique values rather than resetting.");
        }

        // A connection of its own with foreign keys off, so rows can go in any order.
        var builder = new SqliteConnectionStringBuilder(SqliteConnectionString) { ForeignKeys = false, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();

        tablesToReset ??= await ReadTablesAsync(connection);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        foreach (var table in tablesToReset)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM \"{table}\";";
            await delete.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>True once <see cref="SaveSnapshotAsync"/> has kept a copy of this factory's database.</summary>
    public bool HasSnapshot => snapshotPath is not null;

    /// <summary>
    /// Keeps a copy of the database as it is now (after a class's expensive set-up, such as the demo seed), so that
    /// each later test of the class can start from it with <see cref="RestoreSnapshotAsync"/> instead of repeating the set-up.
    /// </summary>
    public async Task SaveSnapshotAsync()
    {
        var path = databasePath + ".snapshot";
        await CopyDatabaseAsync(SqliteConnectionString, path);
        snapshotPath = path;
    }

    /// <summary>Puts back the database kept by <see cref="SaveSnapshotAsync"/>, every table as it was then.</summary>
    public async Task RestoreSnapshotAsync()
    {
        var path = snapshotPath ?? throw new InvalidOperationException("No snapshot was saved.");
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder(SqliteConnectionString) { Pooling = false }.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (snapshotPath is not null)
        {
            DeleteDatabaseFiles(snapshotPath);
        }

        GC.SuppressFinalize(this);
        if (Directory.Exists(keysPath))
        {
            Directory.Delete(keysPath, recursive: true);
        }

        if (Directory.Exists(FeedFolder))
        {
            Directory.Delete(FeedFolder, recursive: true);
        }

        if (!IsSqlServer)
        {
            // Only this file's pool: other classes' hosts are still using theirs.
            SqliteConnection.ClearPool(new SqliteConnection(SqliteConnectionString));
            DeleteDatabaseFiles(databasePath);
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // Still open somewhere: the temp folder is cleared in time, and the name is unique.
            }
        }
    }

    /// <summary>A consistent copy of a live SQLite database (WAL included) through SQLite's backup API.</summary>
    private static async Task CopyDatabaseAsync(string sourceConnectionString, string destinationPath)
    {
        var destination = new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString();
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder(sourceConnectionString) { Pooling = false }.ToString());
        await using var to = new SqliteConnection(destination);
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Keys in a folder of the test run's own, not the app's App_Data.
        builder.UseSetting("DataProtection:KeysPath", keysPath);

        // The daily feed's files (no endpoint set) in the test run's own folder, beside the keys.
        builder.UseSetting("DailyFeed:Folder", FeedFolder);

        // Every test client shares one (unknown) address under TestServer: the online request's rate
        // limits are lifted here, and the tests of those limits lower them on a host of their own.
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:PostsPerWindow", "1000000");
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:SubmitsPerWindow", "1000000");

        // Tests sign in with a password alone unless they are about the authenticator (MfaAppFactory turns it on).
        builder.UseSetting("Accounts:RequireMfa", "false");

        // Sign-ins from that one address too; ThrottleTests lowers the limit on a host of its own.
        builder.UseSetting("Accounts:SignInAttemptsPerAddress", "1000000");
        if (SqlServerConnectionString is not { } sqlServerConnectionString)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", SqliteConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:SqlServer", sqlServerConnectionString);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            CaptureLogs(services);
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordHashIterations);

            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestAuthHandler.SelectorScheme, "Test header or sign-in cookie", o =>
                    o.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(TestAuthHandler.Header)
                        ? TestAuthHandler.SchemeName
                        : IdentityConstants.ApplicationScheme);

            // Registered after Identity's own defaults, so these win. Sign-in still writes Identity's cookie.
            services.Configure<AuthenticationOptions>(o =>
            {
                o.DefaultAuthenticateScheme = TestAuthHandler.SelectorScheme;
                o.DefaultChallengeScheme = TestAuthHandler.SelectorScheme;
                o.DefaultForbidScheme = TestAuthHandler.SelectorScheme;
            });
        });
    }

    private static async Task<IReadOnlyList<string>> ReadTablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
            "AND name NOT IN ('__EFMigrationsHistory', 'AspNetRoles', 'LocalIdentifierSequence') ORDER BY name;";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Wraps whatever logger factory the app registered (Serilog's) so the capture sees every message too.</summary>
    private void CaptureLogs(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(sp =>
        {
            var inner = original.ImplementationInstance as ILoggerFactory
                ?? original.ImplementationFactory?.Invoke(sp) as ILoggerFactory
                ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return new TeeLoggerFactory(inner, Logs);
        });
    }
}
