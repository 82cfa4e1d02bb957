using System.Collections.Concurrent;
using ChildrenServices.DemoData;
using ChildrenServices.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.v3;

// The first host of the run: it seeds the demo data, signs the demo users in, and keeps the result as the
// template every journey class's own host starts from. A journey class that does not declare
// IClassFixture<BrowserHost> shares this one.
[assembly: AssemblyFixture(typeof(ChildrenServices.BrowserTests.BrowserHost))]

// Journey classes run side by side (xunit's default: one per core), each on a host and SQLite file of its own.
// Six at once was measured slower on two cores (10m04s against 9m03s for the whole suite): Chromium's renderers contend.
namespace ChildrenServices.BrowserTests;

/// <summary>
/// The real app on a real port (Kestrel), on a SQLite file of its own seeded with the demo users and a small
/// set of synthetic families, on a fake clock, driven by Debian's Chromium through Playwright. Each journey
/// class declares it as a class fixture, so journeys run in parallel without meeting each other's data. The
/// first host seeds its file and signs each journey user in once (see BuildTemplateAsync); later hosts start from a copy
/// of that file (the sessions included), so a journey starts signed in without hashing a password again.
/// </summary>
public class BrowserHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Tuesday 24 November 2026, 10:00 UTC, as in the integration tests: the seed and every date a journey types are relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The demo users the journeys sign in as: signed in once, through the form, on the first host.</summary>
    private static readonly string[] JourneyUsers =
    [
        "frontdoor@demo.example", "keyworker@demo.example", "socialworker@demo.example", "manager@demo.example",
        "iro@demo.example", "admin@demo.example", "r.adeyemi@demo.example", "c.brightwell@demo.example",
    ];

    private static readonly string RunId = Guid.NewGuid().ToString("N");

    private static readonly string TemplatePath = Path.Combine(Path.GetTempPath(), $"cs-browser-template-{RunId}.db");

    /// <summary>One key ring for the run, so a session cookie made on the first host is read by every copy.</summary>
    private static readonly string KeysPath = Path.Combine(Path.GetTempPath(), $"cs-browser-keys-{RunId}");

    private static readonly TaskCompletionSource TemplateReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Which host each browser context talks to, so a sign-in finds the sessions that host knows.</summary>
    private static readonly ConcurrentDictionary<IBrowserContext, BrowserHost> Hosts = new();

    private static int templateClaimed;
    private static IDisposable? projectTurn;
    private static IPlaywright? playwright;
    private static IBrowser? browser;
    private static IReadOnlyDictionary<string, IReadOnlyList<Cookie>> templateSessions = new Dictionary<string, IReadOnlyList<Cookie>>();

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"cs-browser-{Guid.NewGuid():N}.db");

    /// <summary>Where this host's daily feed writes its files (no endpoint is set): its own, deleted after.</summary>
    private readonly string feedPath = Path.Combine(Path.GetTempPath(), $"cs-browser-feed-{Guid.NewGuid():N}");
    private bool isTemplateHost;

    /// <summary>
    /// The host's clock. It moves a millisecond each time it is read, as a real clock moves between one
    /// request and the next, so records made one after another keep their order; a run never leaves the day.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(Now) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>Today on the host's clock (at midnight), for the dates a journey types in.</summary>
    public static DateTime Today => Now.UtcDateTime.Date;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser starts with the first host.");

    public string BaseAddress { get; private set; } = string.Empty;

    /// <summary>The session cookies of each user signed in on this host (from the template, or signed in here afresh).</summary>
    internal ConcurrentDictionary<string, IReadOnlyList<Cookie>> Sessions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Debian's build of Chromium's headless shell (package chromium-headless-shell).</summary>
    public const string HeadlessShellPath = "/usr/lib/chromium/chromium-headless-shell";

    /// <summary>Debian's full Chromium (package chromium).</summary>
    public const string FullChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// The browser the journeys drive: <c>CHROMIUM_PATH</c> if set; otherwise Debian's Chromium headless shell, the
    /// same Blink and V8 without the desktop browser around them (what Playwright itself runs for headless tests),
    /// which ran the journeys in about half the time (ADR 0028); otherwise Debian's full Chromium.
    /// </summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : File.Exists(HeadlessShellPath) ? HeadlessShellPath
        : FullChromiumPath;

    internal static BrowserHost HostOf(IPage page) =>
        Hosts.TryGetValue(page.Context, out var host) ? host : throw new InvalidOperationException("The page was not opened by BrowserHost.NewPageAsync.");

    public virtual async ValueTask InitializeAsync()
    {
        if (Interlocked.Exchange(ref templateClaimed, 1) == 0)
        {
            isTemplateHost = true;
            try
            {
                await BuildTemplateAsync();

                // The template is built beside the integration tests, if they run; the journeys wait for their turn (ADR 0026).
                projectTurn = await OneTestProjectAtATime.WaitForTurnAsync(TestContext.Current.CancellationToken);
                TemplateReady.SetResult();
            }
            catch (Exception ex)
            {
                TemplateReady.SetException(ex);
                throw;
            }

            return;
        }

        await TemplateReady.Task;
        File.Copy(TemplatePath, databasePath);
        Start();
        foreach (var (email, cookies) in templateSessions)
        {
            Sessions[email] = cookies;
        }
    }

    /// <summary>Settings a kind of host adds to the journeys' own (single sign-on's provider, say).</summary>
    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress });

        // Journeys run beside the integration project on two cores: one step of a journey once took over Playwright's
        // default 30 seconds there (on a fresh clone). A step that never comes still fails, a minute later.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Hosts[context] = this;
        context.Close += (_, _) => Hosts.TryRemove(context, out _);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var context in Hosts.Where(h => h.Value == this).Select(h => h.Key).ToList())
        {
            await context.CloseAsync();
        }

        if (isTemplateHost)
        {
            // The assembly fixture goes last: the browser and the template with it.
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            playwright?.Dispose();
            projectTurn?.Dispose();
            DeleteDatabase(TemplatePath);
            if (Directory.Exists(KeysPath))
            {
                Directory.Delete(KeysPath, recursive: true);
            }
        }

        await base.DisposeAsync();
        if (Directory.Exists(feedPath))
        {
            Directory.Delete(feedPath, recursive: true);
        }

        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={databasePath}"));
        DeleteDatabase(databasePath);
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        builder.UseSetting("DataProtection:KeysPath", KeysPath);
        builder.UseSetting("DailyFeed:Folder", feedPath);

        // Every journey posts from 127.0.0.1; the public form's rate limits have their own integration tests.
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:PostsPerWindow", "1000000");
        builder.UseSetting("FrontDoor:OnlineRequestRateLimits:SubmitsPerWindow", "1000000");

        // The demo users sign in with a password; the authenticator journey sets one up of its own accord.
        builder.UseSetting("Accounts:RequireMfa", "false");
        builder.UseSetting("Accounts:SignInAttemptsPerAddress", "1000000");

        // Served over plain HTTP on 127.0.0.1 (no certificate here): the integration tests run the HTTPS-only settings.
        builder.UseSetting("Transport:RequireHttps", "false");
        ConfigureMore(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, AxeScriptFilter>();

            // Fewer PBKDF2 rounds for the demo users' passwords (hashed by the seed, checked by each sign-in through
            // the form): Identity's real hash format, a fraction of the CPU. Test hosts only, as in AppFactory.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>
    /// Serves Deque's axe-core script at <see cref="Browse.AxeScriptPath"/> on the test host only, ahead of the app's
    /// own pipeline, cacheable for the run: each browser context fetches it once and every later check on that context
    /// loads it from the browser's cache, instead of sending 550 KB of script through Playwright's
    /// driver for every page checked (measured: a check after a navigation about 0.3 s instead of 0.4 s). Same origin, so
    /// the page's CSP (script-src 'self') lets it run as it stands.
    /// </summary>
    private sealed class AxeScriptFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Browse.AxeScriptPath, axe => axe.Run(async context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
                await context.Response.WriteAsync(Browse.AxeSource);
            }));
            next(app);
        };
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open somewhere: the name is unique and the temp folder is cleared in time.
            }
        }
    }

    private void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>
    /// Posts the sign-in form as a browser would, with the antiforgery token that form carries, from a browser context
    /// (so its cookies are kept as Chromium keeps them), and returns the session cookies it ends with.
    /// </summary>
    private static async Task<IReadOnlyList<Cookie>> SignInOverHttpAsync(IBrowserContext context, string email)
    {
        var request = context.APIRequest;
        var signInPage = await request.GetAsync("/Account/SignIn", new() { Timeout = 120_000 });
        var form = SignInForm.Match(await signInPage.TextAsync());
        if (!form.Success)
        {
            throw new InvalidOperationException($"The sign-in page (HTTP {signInPage.Status}) has no sign-in form with an antiforgery token.");
        }

        var fields = request.CreateFormData();
        fields.Set("Input.Email", email);
        fields.Set("Input.Password", DemoDataSeeder.DemoPassword);
        fields.Set("__RequestVerificationToken", form.Groups["token"].Value);
        var signedIn = await request.PostAsync("/Account/SignIn", new() { Form = fields, Timeout = 120_000 });
        if (new Uri(signedIn.Url).AbsolutePath.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase) || !signedIn.Ok)
        {
            throw new InvalidOperationException($"{email} was not signed in: HTTP {signedIn.Status} at {signedIn.Url}.");
        }

        return await Browse.CookiesOfAsync(context);
    }

    /// <summary>The sign-in form (the one with the email field) and its antiforgery token.</summary>
    private static readonly System.Text.RegularExpressions.Regex SignInForm = new(
        "<form method=\"post\"[^>]*>(?:(?!</form>).)*?name=\"Input.Email\"(?:(?!</form>).)*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"",
        System.Text.RegularExpressions.RegexOptions.Singleline);

    /// <summary>Seeds this host's file, starts the browser, signs each journey user in through the form, then copies the file as the template.</summary>
    private async Task BuildTemplateAsync()
    {
        Start();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 25);
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Install it with 'apt-get install -y chromium chromium-headless-shell' (.ci/run does).");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // The first user signs in through the form in Chromium, which also warms the app (its first page views
        // compile and cache). The others post the same sign-in form over HTTP from a browser context of their own
        // (no page, so no renderer): the session cookie is the one the form issues, at a tenth of the cost (measured:
        // about 2.5 s a user in Chromium). Signing in through the form in the browser, for every role, is
        // SignInJourneys' own test.
        var first = await NewPageAsync();
        first.SetDefaultNavigationTimeout(120_000);
        first.SetDefaultTimeout(120_000);

        // The first sign-in runs while the integration project starts its hosts on the same two cores: one was once
        // still waiting after a minute there, so it waits as long as the page does.
        await Browse.SignInThroughFormAsync(first, JourneyUsers[0], timeout: 120_000);
        Sessions[JourneyUsers[0]] = await Browse.CookiesOfAsync(first);
        await first.Context.CloseAsync();

        foreach (var email in JourneyUsers.Skip(1))
        {
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress });
            Sessions[email] = await SignInOverHttpAsync(context, email);
        }

        templateSessions = new Dictionary<string, IReadOnlyList<Cookie>>(Sessions, StringComparer.OrdinalIgnoreCase);

        // SQLite's backup API: a consistent copy of the live file, what is still in its WAL included.
        await using var from = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await using var to = new SqliteConnection($"Data Source={TemplatePath};Pooling=False");
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
    }
}
