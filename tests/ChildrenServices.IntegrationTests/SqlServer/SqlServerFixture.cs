using ChildrenServices.IntegrationTests.Infrastructure;
using Testcontainers.MsSql;

namespace ChildrenServices.IntegrationTests.SqlServer;

/// <summary>The app on SQL Server in a container. The host starts only once a container is running.</summary>
public sealed class SqlServerAppFactory : AppFactory
{
    public string? ConnectionString { get; set; }

    // Never null, so the factory always counts as a SQL Server one; the host starts only once the real value is set.
    protected override string? SqlServerConnectionString => ConnectionString ?? string.Empty;
}

/// <summary>
/// One SQL Server container for the SQL Server tests. Where no Docker engine answers, nothing starts
/// and <see cref="Unavailable"/> says why, so each test skips with that reason rather than failing.
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    private MsSqlContainer? container;

    public SqlServerAppFactory Factory { get; } = new();

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();

            // An engine that answers may still need to pull the image the first time; one that does not answers at once.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await container.StartAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            Unavailable = $"SQL Server tests need a Docker engine; none answered: {ex.GetType().Name}: {ex.Message}";
            return;
        }

        Factory.ConnectionString = container.GetConnectionString();
        await Factory.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
