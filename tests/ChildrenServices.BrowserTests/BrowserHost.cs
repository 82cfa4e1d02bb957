using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Sdk;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(ChildrenServices.BrowserTests.BrowserHost))]
[assembly: Parallelization(Mode = ParallelMode.None)]

namespace ChildrenServices.BrowserTests;

/// <summary>
/// The real app on a real port (Kestrel), on its own SQLite file seeded with the demo users and a
/// small set of synthetic families, driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"cs-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseAddress { get; private set; } = string.Empty;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 25);
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Install it with 'apt-get install -y chromium' (.ci/run does).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "cs-browser-keys"));

        // Every journey posts from 127.0.0.1; the public form's rate limits have their own integration tests.
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:PostsPerWindow", "1000000");
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:SubmitsPerWindow", "1000000");
    }
}
