using System.Globalization;
using ChildrenServices.DemoData;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// `seed-demo --families N --database FILE`: seeds the demo data with N families into a new SQLite file
/// and prints how long each stage and each batch of families took, and the rows written. The benchmark
/// for "a large council" (README, docs/operations.md); it never writes into an existing database.
/// </summary>
public static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    private const string Usage = "Usage: seed-demo --families N --database FILE  (FILE must not exist yet; SQLite)";

    /// <summary>Points the app at the named SQLite file before the host is built.</summary>
    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length == 0 || args[0] != Name || Option(args, "--database") is not { } file)
        {
            return;
        }

        UseNewDatabase(builder, file);
    }

    /// <summary>The seeding commands write into the named SQLite file, with no demo seed at start-up and quiet logs.</summary>
    internal static void UseNewDatabase(WebApplicationBuilder builder, string file)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.GetFullPath(file)}",
            ["Seeding:DemoData"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var file = Option(args, "--database");
        var familiesText = Option(args, "--families") ?? "320";
        if (file is null || !int.TryParse(familiesText, NumberStyles.None, CultureInfo.InvariantCulture, out var families) || families < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} already exists: seed-demo only writes into a new database. {Usage}");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var timings = new DemoSeedTimings();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families, timings);
        var total = timings.Total;

        Console.WriteLine($"Seeded {families:N0} families into {file} in {total.TotalSeconds:0.0} s");
        foreach (var (stage, elapsed) in timings.Stages)
        {
            Console.WriteLine($"  {elapsed.TotalSeconds,8:0.0} s  {stage}");
        }

        // Linear growth shows as the same time per 1,000 families in the first batch and the last.
        if (timings.Batches.Count > 0)
        {
            static double PerThousand((int Families, TimeSpan Elapsed) b) => b.Elapsed.TotalSeconds * 1000 / b.Families;
            Console.WriteLine("Batches (families: seconds, of which building entities):");
            Console.WriteLine("  " + string.Join("; ", timings.Batches.Select((b, i) =>
                $"{b.Families}: {b.Elapsed.TotalSeconds:0.0} ({(i < timings.Building.Count ? timings.Building[i].TotalSeconds : 0):0.0})")));
            Console.WriteLine($"Per 1,000 families: first batch {PerThousand(timings.Batches[0]):0.00} s, last batch {PerThousand(timings.Batches[^1]):0.00} s, over {timings.Batches.Count} batches");
        }

        var rows = await RowCountsAsync(db);
        Console.WriteLine($"Rows: {rows.Values.Sum():N0} in {rows.Count} tables");
        foreach (var (table, count) in rows.Where(r => r.Value > 0).OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"  {count,10:N0}  {table}");
        }

        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"Load average (1, 5, 15 min): {string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3))} on {Environment.ProcessorCount} cores");
        }

        return 0;
    }

    internal static async Task<Dictionary<string, long>> RowCountsAsync(AppDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var counts = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
