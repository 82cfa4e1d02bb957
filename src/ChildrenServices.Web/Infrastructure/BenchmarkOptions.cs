using System.Globalization;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>What <c>bench</c> measures and how often (see <see cref="BenchmarkCommand"/>).</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Options read by a generator that makes the database before it is measured (<c>bench --children N --years Y</c>), not here.</summary>
    public static readonly IReadOnlyList<string> GeneratorOptions = ["--children", "--years"];

    /// <summary>The SQLite file the app is pointed at: an existing, seeded database. The writers add case notes to it.</summary>
    public required string Database { get; init; }

    /// <summary>Measured requests per page, and runs of each page's main query as raw SQL.</summary>
    public int Requests { get; init; } = 40;

    /// <summary>
    /// The fewest requests per page before measuring (more follow until the JIT has settled; 0: none, the page measured
    /// cold), and raw runs before timing them.
    /// </summary>
    public int Warmup { get; init; } = 5;

    /// <summary>Concurrent case-note writers (0: none).</summary>
    public int Writers { get; init; } = 16;

    /// <summary>Case notes each writer saves, one after another.</summary>
    public int SavesPerWriter { get; init; } = 10;

    /// <summary>Where the results are written as JSON; nowhere when null.</summary>
    public string? Out { get; init; }

    /// <summary>With <c>--children N</c>: generate a council of N children (<c>--years</c> of history, default 5) into a new FILE first.</summary>
    public int? Children { get; init; }

    public int Years { get; init; } = 5;

    /// <summary>Reads <c>bench [--children N [--years Y]] --database FILE [--requests N] [--warmup W] [--writers N] [--saves N] [--out FILE]</c>; null and a reason when they do not fit.</summary>
    public static BenchmarkOptions? Parse(string[] args, out string? problem)
    {
        problem = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"Expected an option and its value at \"{args[i]}\"";
                return null;
            }

            values[args[i]] = args[i + 1];
        }

        string[] known = ["--database", "--requests", "--warmup", "--writers", "--saves", "--out", .. GeneratorOptions];
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            problem = $"Unknown option {unknown}";
            return null;
        }

        if (!values.TryGetValue("--database", out var database) || string.IsNullOrWhiteSpace(database))
        {
            problem = "--database FILE is required";
            return null;
        }

        int? Number(string name, int fallback, int least)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least ? n : null;
        }

        var requests = Number("--requests", 40, 1);
        var warmup = Number("--warmup", 5, 0);
        var writers = Number("--writers", 16, 0);
        var saves = Number("--saves", 10, 1);
        if (requests is null || warmup is null || writers is null || saves is null)
        {
            problem = "--requests and --saves take a whole number of 1 or more, --warmup and --writers 0 or more";
            return null;
        }

        var children = values.ContainsKey("--children") ? Number("--children", 0, 100) : 0;
        var years = Number("--years", 5, 1);
        if (children is null || years is null or > 10)
        {
            problem = "--children takes a whole number of 100 or more, --years 1 to 10";
            return null;
        }

        return new BenchmarkOptions
        {
            Database = Path.GetFullPath(database),
            Requests = requests.Value,
            Warmup = warmup.Value,
            Writers = writers.Value,
            SavesPerWriter = saves.Value,
            Out = values.GetValueOrDefault("--out"),
            Children = children == 0 ? null : children,
            Years = years.Value,
        };
    }
}
