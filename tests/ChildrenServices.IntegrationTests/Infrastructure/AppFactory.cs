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
/// schema built by the real migrations at start-up, with a fake clock, captured logs and a test
/// authentication scheme backed by real user rows. One per test assembly.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Tuesday 24 November 2026, 10:00 UTC (10:00 in the UK too: GMT).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-{Guid.NewGuid():N}.db");
    private readonly string keysPath = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-keys-{Guid.NewGuid():N}");
    private IReadOnlyList<string>? tablesToReset;

    public FakeTimeProvider Clock { get; } = new(Now);

    public LogCapture Logs { get; } = new();

    public bool IsSqlServer => SqlServerConnectionString is not null;

    /// <summary>Set (by the SQL Server tests) to run the app on SQL Server instead of SQLite. Read when the host starts.</summary>
    protected virtual string? SqlServerConnectionString => null;

    /// <summary>The SQLite connection string the host uses.</summary>
    public string SqliteConnectionString => new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    public virtual ValueTask InitializeAsync()
    {
        // Starts the host: the program migrates the database and creates the roles.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>Empties every table except the roles (and the migration history), resets the clock and the captured logs.</summary>
    public async Task ResetAsync()
    {
        Clock.AdjustTime(Now);
        Logs.Clear();
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(keysPath))
        {
            Directory.Delete(keysPath, recursive: true);
        }

        if (!IsSqlServer)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Keys in a folder of the test run's own, not the app's App_Data.
        builder.UseSetting("DataProtection:KeysPath", keysPath);

        // Every test client shares one (unknown) address under TestServer: the online request's rate
        // limits are lifted here, and the tests of those limits lower them on a host of their own.
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:PostsPerWindow", "1000000");
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:SubmitsPerWindow", "1000000");
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
            "AND name NOT IN ('__EFMigrationsHistory', 'AspNetRoles') ORDER BY name;";
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
