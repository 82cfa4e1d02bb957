using System.Diagnostics;
using System.Globalization;
using ChildrenServices.DemoData;
using ChildrenServices.Infrastructure.Persistence;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// `seed --children N --years Y --database FILE`: the synthetic council generator. Makes a new SQLite file holding a
/// council with at least N children and Y years of history built through the domain's rules (<see cref="CouncilSeeder"/>),
/// with the demo sign-ins, then prints how long it took, what it made, the rows and recorded events written, every step
/// the domain refused, and the process's peak memory. It never writes into an existing database.
/// </summary>
public static class SeedCouncilCommand
{
    public const string Name = "seed";

    private const string Usage = "Usage: seed --children N [--years Y] --database FILE  (N at least 100; Y 1 to 10, default 5; FILE must not exist yet; SQLite)";

    /// <summary>Tables that say who and where people are, and who the staff are: everything else records something that happened.</summary>
    private static readonly HashSet<string> NotEvents = new(StringComparer.Ordinal)
    {
        "People", "PersonNames", "Addresses", "Households", "HouseholdMembers", "Relationships", "Staff", "Teams", "TeamMembers",
    };

    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length > 0 && args[0] == Name && SeedDemoCommand.Option(args, "--database") is { } file)
        {
            SeedDemoCommand.UseNewDatabase(builder, file);
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var file = SeedDemoCommand.Option(args, "--database");
        if (file is null || !Number(SeedDemoCommand.Option(args, "--children"), out var children) || children < 100
            || !Number(SeedDemoCommand.Option(args, "--years") ?? "5", out var years) || years is < 1 or > 10)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} already exists: seed only writes into a new database. {Usage}");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        return await GenerateAsync(scope.ServiceProvider, children, years, file);
    }

    /// <summary>Generates the council into the migrated, empty database and prints what it made (the benchmark's first step too).</summary>
    public static async Task<int> GenerateAsync(IServiceProvider scope, int children, int years, string file)
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var timings = new DemoSeedTimings();
        var counts = await scope.GetRequiredService<CouncilSeeder>().SeedAsync(children, years, timings)
            ?? throw new InvalidOperationException("The new database already has staff");
        var total = timings.Total;

        Console.WriteLine($"Generated a council of {counts.Children:N0} children ({counts.Families:N0} families) with {years} years of history into {file} in {total.TotalSeconds:0.0} s");
        foreach (var (stage, elapsed) in timings.Stages)
        {
            Console.WriteLine($"  {elapsed.TotalSeconds,8:0.0} s  {stage}");
        }

        if (timings.Batches.Count > 0)
        {
            static double PerThousand((int Families, TimeSpan Elapsed) b) => b.Elapsed.TotalSeconds * 1000 / Math.Max(1, b.Families);
            Console.WriteLine($"Per 1,000 families: first batch {PerThousand(timings.Batches[0]):0.00} s, last batch {PerThousand(timings.Batches[^1]):0.00} s, over {timings.Batches.Count} batches; " +
                $"building the entities took {timings.Building.Sum(b => b.TotalSeconds):0.0} s of {timings.Batches.Sum(b => b.Elapsed.TotalSeconds):0.0} s (the rest is saving them)");
        }

        Console.WriteLine($"Staff {counts.Staff:N0} in {counts.Teams} teams; contacts {counts.Contacts:N0}; referrals {counts.Referrals:N0}; assessments {counts.Assessments:N0}; " +
            $"section 47 enquiries {counts.Enquiries:N0}; child in need plans {counts.ChildInNeedPlans:N0}; child protection plans {counts.ChildProtectionPlans:N0}; " +
            $"periods of care {counts.PeriodsOfCare:N0}; early help episodes {counts.EarlyHelpEpisodes:N0}; step-ups {counts.StepUps:N0}; step-downs {counts.StepDowns:N0}; " +
            $"visits {counts.Visits:N0}; reviews {counts.Reviews:N0}; case notes {counts.CaseNotes:N0}; restricted records {counts.Restricted}");
        if (counts.Refusals.Count > 0)
        {
            Console.WriteLine($"Steps the domain refused ({counts.Refusals.Values.Sum():N0}; each stopped that family's history there):");
            foreach (var (message, count) in counts.Refusals.OrderByDescending(r => r.Value).Take(15))
            {
                Console.WriteLine($"  {count,7:N0}  {message}");
            }
        }

        var rows = await SeedDemoCommand.RowCountsAsync(db);
        var events = rows.Where(r => !NotEvents.Contains(r.Key) && !r.Key.StartsWith("AspNet", StringComparison.Ordinal)).Sum(r => r.Value);
        Console.WriteLine($"Rows: {rows.Values.Sum():N0} in {rows.Count} tables, of which recorded events (every table but people, addresses, households, relationships, staff and teams): {events:N0}");
        foreach (var (table, count) in rows.Where(r => r.Value > 0).OrderByDescending(r => r.Value).Take(30))
        {
            Console.WriteLine($"  {count,10:N0}  {table}");
        }

        Console.WriteLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"Load average (1, 5, 15 min): {string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3))} on {Environment.ProcessorCount} cores");
        }

        return 0;
    }

    private static bool Number(string? text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
