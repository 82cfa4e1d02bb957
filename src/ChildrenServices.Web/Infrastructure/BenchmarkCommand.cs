using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// <c>bench --database FILE [--requests N] [--warmup W] [--writers 16] [--saves 10] [--out results.json]</c>: starts the real
/// app (as Program.cs builds it, Production, no demo seeding) on a free loopback port against an existing SQLite database and
/// measures the key pages server-side as their usual demo users, each beside its main query run as raw SQL, then 16 writers
/// saving case notes at once. Prints a table with the targets (docs/performance.md, "The benchmark command"); exits 1 when
/// any response was not the expected one, 2 when the arguments are refused.
/// </summary>
/// <remarks>
/// Measuring needs the whole pipeline, so Program.cs calls <see cref="RunAsync"/> last, where it would otherwise run the app.
/// A generator that makes the database first (<c>bench --children N --years Y --database FILE</c>) writes it earlier, after
/// the host is built, and lets Program.cs carry on to that line (or calls <see cref="MeasureAsync"/> itself from there).
/// </remarks>
public static class BenchmarkCommand
{
    public const string Name = "bench";

    private const string Usage = "Usage: bench [--children N [--years Y]] --database FILE [--requests N] [--warmup W] [--writers 16] [--saves 10] [--out results.json]"
        + "  (with --children, a council of N children is generated into FILE first if it is new; otherwise FILE is an existing database made by seed or seed-demo,"
        + " and the writers add case notes to it, so measure a copy)";

    /// <summary>
    /// Before the host is built: points the app at FILE (Production, demo seeding off, warnings only in the log) and adds the
    /// request timing and SQL recording. Returns the exit code when the arguments or the file are refused, before anything
    /// opens the file; otherwise null.
    /// </summary>
    public static int? Configure(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        if (BenchmarkOptions.Parse(args, out var problem) is not { } options)
        {
            Console.Error.WriteLine($"{problem}. {Usage}");
            return 2;
        }

        // A generator writes the file before it is measured; otherwise it must already be there.
        var generated = args.Any(BenchmarkOptions.GeneratorOptions.Contains);
        if (!generated && BenchmarkDatabase.Refusal(options.Database) is { } refusal)
        {
            Console.Error.WriteLine($"{refusal}. {Usage}");
            return 2;
        }

        // `dotnet run` applies the launch profile's Development: measure what a council runs.
        builder.Environment.EnvironmentName = Environments.Production;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={options.Database}",
            ["Seeding:DemoData"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // The generated staff sign in with a password alone: what is measured is the pages, not an authenticator.
            ["Accounts:RequireMfa"] = "false",

            // Every measured sign-in comes from this one address: the per-address limit would refuse the run.
            ["Accounts:SignInAttemptsPerAddress"] = "1000000",

            // Measured over plain HTTP on this machine, as behind a proxy that ends TLS.
            ["Transport:RequireHttps"] = "false",
        });
        builder.Services.AddSingleton<BenchmarkRecorder>();
        builder.Services.AddTransient<IStartupFilter, BenchmarkRecorder.TimingFilter>();
        return null;
    }

    /// <summary>
    /// Runs the benchmark on an app whose pipeline is configured, in place of running it: with <c>--children</c>, first
    /// generates the council into the (new, empty) file; then brings the timeliness facts up to date, as the app does
    /// in the background when it starts, so the pages are measured as they serve a council that has been running.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (BenchmarkOptions.Parse(args, out var problem) is not { } options)
        {
            Console.Error.WriteLine($"{problem}. {Usage}");
            return 2;
        }

        var generated = false;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildrenServices.Infrastructure.Persistence.AppDbContext>();
            if (options.Children is { } children)
            {
                if (await db.Staff.AnyAsync())
                {
                    Console.WriteLine($"{options.Database} already holds a council: measuring it as it is, not generating another.");
                }
                else if (await SeedCouncilCommand.GenerateAsync(scope.ServiceProvider, children, options.Years, options.Database) != 0)
                {
                    return 1;
                }
                else
                {
                    generated = true;
                }
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var facts = await scope.ServiceProvider.GetRequiredService<ChildrenServices.Application.Performance.TimelinessFacts>().RefreshAsync();
            Console.WriteLine($"Timeliness facts {(facts.Rebuilt ? "built" : "brought up to date")}: {facts.Facts:N0} facts from {facts.Records:N0} records in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (ADR 0031)");
        }

        // The memory target is the app's while serving: a process that has just generated a council has already peaked
        // far above that, so a fresh one measures the file.
        return generated ? await MeasureInNewProcessAsync(args) : await MeasureAsync(app, options);
    }

    /// <summary>Runs this command again in a new process on the same file, without the generator's options; returns its exit code.</summary>
    private static async Task<int> MeasureInNewProcessAsync(string[] args)
    {
        var again = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            again.ArgumentList.Add(typeof(BenchmarkCommand).Assembly.Location);
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (BenchmarkOptions.GeneratorOptions.Contains(args[i]))
            {
                i++;
                continue;
            }

            again.ArgumentList.Add(args[i]);
        }

        Console.WriteLine("Measuring in a new process, so the memory measured is the app's while serving, not the generator's.");
        using var measuring = System.Diagnostics.Process.Start(again)!;
        await measuring.WaitForExitAsync();
        return measuring.ExitCode;
    }

    /// <summary>
    /// Starts <paramref name="app"/> on a free loopback port, measures it, prints the results (and writes them as JSON when
    /// asked), stops it. The app must have been built after <see cref="Configure"/> and have its pipeline configured.
    /// Returns 0 when every response was the one expected (a target exceeded is reported, not a failure), 1 otherwise.
    /// </summary>
    public static async Task<int> MeasureAsync(WebApplication app, BenchmarkOptions options)
    {
        if (app.Services.GetService<BenchmarkRecorder>() is not { } recorder)
        {
            Console.Error.WriteLine("bench: the app was built without BenchmarkCommand.Configure, so nothing would time its requests");
            return 2;
        }

        if (BenchmarkDatabase.Refusal(options.Database) is { } refusal)
        {
            Console.Error.WriteLine($"{refusal}. {Usage}");
            return 2;
        }

        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        BenchmarkResult result;
        using (recorder.ListenToEfCore())
        {
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                var run = new BenchmarkRun(options, recorder, new Uri(address), app.Services.GetRequiredService<SearchLinks>());
                result = await run.RunAsync(app.Environment.EnvironmentName, app.Lifetime.ApplicationStopping);
            }
            finally
            {
                await app.StopAsync();
            }
        }

        Console.WriteLine();
        BenchmarkReport.Print(result, Console.Out);
        if (options.Out is { } file)
        {
            await BenchmarkReport.WriteJsonAsync(result, file);
            Console.WriteLine($"Results written to {file}");
        }

        return result.Failures.Count == 0 ? 0 : 1;
    }
}
