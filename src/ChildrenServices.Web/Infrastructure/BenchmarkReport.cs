using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>The benchmark's results: printed as a table with the targets beside them, and written as JSON.</summary>
internal static class BenchmarkReport
{
    public const long MemoryTargetBytes = 1L << 30;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print(BenchmarkResult result, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        void Line(FormattableString text) => output.WriteLine(text.ToString(c));
        Line($"{"Page",-31} {"Warm-ups",8} {"Requests",8} {"p50 ms",7} {"p95 ms",7} {"(client p95)",13} {"SQL cmds",9} {"Main query raw p50/p95",24} {"Ratio",7} {"All reads raw p50/p95",23} {"Ratio",7}  {"Target",-22} Result");
        foreach (var page in result.Pages)
        {
            var client = page.Client is { } cl ? $"({cl.P95:0.0})" : "";
            var raw = page.MainQuery?.Raw is { } r ? $"{r.P50:0.00} / {r.P95:0.00}" : "—";
            var ratio = page.Ratio is { } x ? $"{x:0.0}×" : "—";
            var floor = page.ReadsRaw is { } f ? $"{f.P50:0.00} / {f.P95:0.00} ({page.ReadsRawCount})" : "—";
            var floorRatio = page.FloorRatio is { } y ? $"{y:0.0}×" : "—";
            Line($"{page.Page,-31} {page.Warmups,8} {page.Requests,8} {Ms(page.Server?.P50),7} {Ms(page.Server?.P95),7} {client,13} {page.SqlCommands,9} {raw,24} {ratio,7} {floor,23} {floorRatio,7}  {Target(page),-22} {Verdict(page)}");
        }

        output.WriteLine("Ratio: the page's p95 over the raw p95 of its main query, then of all its reads one after another (the page's SQL floor, in brackets how many);");
        output.WriteLine("the target is within 3× the floor.");

        output.WriteLine();
        output.WriteLine("Main query of each page: the slowest read in its median request, run again as raw SQL on a connection of its own (every row and column read):");
        foreach (var page in result.Pages.Where(p => p.MainQuery is not null))
        {
            var q = page.MainQuery!;
            var differs = q.ReadsInApp is { } reads && reads != q.RowsRaw && reads != q.RowsRaw + 1 ? " (not the rows the app read)" : "";
            Line($"  {page.Page}: {q.InAppMs:0.0} ms in the app ({q.ReadsInApp?.ToString(c) ?? "no"} reads), rows raw {q.RowsRaw}{differs}, parameters {q.Parameters}: {Shorten(q.Sql, 100)}");
        }

        if (result.Writers is { } w)
        {
            output.WriteLine();
            Line($"Case-note save: {w.Writers} writers at once on {w.Children} children, {w.SavesPerWriter} saves each");
            Line($"  {w.Attempted} saves, {w.Succeeded} answered their redirect, {w.Errors} errors; server p50 / p95 {Ms(w.Server?.P50)} / {Ms(w.Server?.P95)} ms (client p95 {Ms(w.Client?.P95)}), {w.SqlCommands} SQL cmds");
            var verdict = w.NotesCounted == w.Expected && w.Errors == 0 ? "PASS: no lost updates" : "FAILED";
            Line($"  Case notes counted by SQL: {w.NotesCounted} written by this run for {w.Expected} successful saves; CaseNotes grew by {w.NotesAdded}   {verdict}");
        }

        foreach (var census in new[] { result.Census, result.Ssda903 }.OfType<BenchmarkCensusResult>())
        {
            output.WriteLine();
            Line($"{census.Return} {census.Year}: {census.Children:N0} children; checked against the rules (the page) in {census.CheckSeconds:0.0} s; the file ({census.FileBytes / 1048576.0:0.0} MiB) read, checked, written{(census.Return == "CIN census" ? ", schema-validated" : "")} and streamed in {census.DownloadSeconds:0.0} s (target < {BenchmarkCensusResult.TargetSeconds:0} s); peak working set then {MiB(census.PeakWorkingSetBytes)}   {(census.Passes ? "PASS" : "OVER")}");
        }

        var m = result.Memory;
        output.WriteLine();
        Line($"Memory: peak working set {MiB(m.PeakWorkingSetBytes)} (target < 1 GiB: {(m.PeakWorkingSetBytes < MemoryTargetBytes ? "PASS" : "OVER")}), now {MiB(m.WorkingSetBytes)}; GC heap {MiB(m.GcHeapBytes)}, committed {MiB(m.GcCommittedBytes)}, {m.TotalAllocatedBytes / 1073741824.0:0.0} GiB allocated in all, collections gen0 {m.Gen0} / gen1 {m.Gen1} / gen2 {m.Gen2}, pause {m.PauseTimePercentage:0.0}%, {(m.ServerGc ? "server" : "workstation")} GC");

        string[] main = ["Referrals", "ChildAndFamilyAssessments", "ChildInNeedPlans", "ChildProtectionPlans", "PeriodsOfCare", "Contacts", "EarlyHelpEpisodes", "CaseNotes", "Allocations", "AuditEntries"];
        var mainRows = string.Join(", ", main.Where(result.Rows.ContainsKey).Select(t => $"{t} {Rows(result, t)}"));
        Line($"Database: {result.DatabaseBytes / 1048576.0:N0} MiB; {Rows(result, "Children")} children, {Rows(result, "Adults")} adults; {mainRows}");
        Line($"Recorded events: {result.RecordedEvents:N0} (the rows of {string.Join(", ", result.EventTables.Where(t => result.Rows.GetValueOrDefault(t) > 0).Select(t => $"{t} {Rows(result, t)}"))})");
        Line($"Load average (1, 5, 15 min): {result.LoadBefore} before, {result.LoadAfter} after, on {result.Cores} cores. Took {result.Seconds:0} s.");

        output.WriteLine();
        if (result.Failures.Count == 0)
        {
            output.WriteLine("Every response was the one expected. (A target marked OVER is reported, not a failure.)");
        }
        else
        {
            Line($"!! {result.Failures.Count} BENCHMARK FAILURES:");
            foreach (var failure in result.Failures)
            {
                output.WriteLine($"!!   {failure}");
            }
        }
    }

    public static async Task WriteJsonAsync(BenchmarkResult result, string file)
    {
        await using var stream = File.Create(file);
        await JsonSerializer.SerializeAsync(stream, result, Json);
    }

    private static string Target(BenchmarkPageResult page) => (page.P95TargetMs, page.RatioTarget) switch
    {
        ({ } ms, true) => string.Create(CultureInfo.InvariantCulture, $"p95<{ms:0}, ≤{BenchmarkRun.RatioLimit:0}× floor"),
        ({ } ms, false) => string.Create(CultureInfo.InvariantCulture, $"p95<{ms:0}"),
        (null, true) => string.Create(CultureInfo.InvariantCulture, $"≤{BenchmarkRun.RatioLimit:0}× floor"),
        _ => "—",
    };

    private static string Verdict(BenchmarkPageResult page)
    {
        if (page.Errors > 0 || page.Server is null)
        {
            return "FAILED";
        }

        var over = new[] { (page.P95Passes, "p95"), (page.RatioPasses, "ratio") }.Where(v => v.Item1 == false).Select(v => v.Item2).ToList();
        return over.Count > 0 ? $"OVER ({string.Join(", ", over)})"
            : page.P95Passes is null && page.RatioPasses is null ? "—"
            : "PASS";
    }

    private static string Ms(double? ms) => ms is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MiB");

    private static string Rows(BenchmarkResult result, string table) => result.Rows.GetValueOrDefault(table).ToString("N0", CultureInfo.InvariantCulture);

    private static string Shorten(string sql, int length)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..length] + "…";
    }
}

internal sealed record BenchmarkResult(
    string Database,
    long DatabaseBytes,
    string Environment,
    string Server,
    DateTime StartedAtUtc,
    double Seconds,
    BenchmarkOptions Options,
    IReadOnlyList<BenchmarkPageResult> Pages,
    BenchmarkWritersResult? Writers,
    BenchmarkMemory Memory,
    IReadOnlyDictionary<string, long> Rows,
    long RecordedEvents,
    IReadOnlyList<string> EventTables,
    string LoadBefore,
    string LoadAfter,
    int Cores,
    IReadOnlyList<string> Failures)
{
    /// <summary>The CIN census for the last complete collection year, checked and downloaded by the performance officer.</summary>
    public BenchmarkCensusResult? Census { get; init; }

    /// <summary>The SSDA903 return for the last complete collection year, checked and downloaded the same way.</summary>
    public BenchmarkCensusResult? Ssda903 { get; init; }
}

/// <summary>A return's check page and its file: seconds each, the children in it, the file's size, and the process's peak memory after.</summary>
internal sealed record BenchmarkCensusResult(string Return, string Year, int Children, double CheckSeconds, double DownloadSeconds, long FileBytes, long PeakWorkingSetBytes)
{
    public const double TargetSeconds = 30;

    public bool Passes => DownloadSeconds < TargetSeconds && PeakWorkingSetBytes < BenchmarkReport.MemoryTargetBytes;
}

/// <summary>A page's figures: <see cref="Server"/> and <see cref="Client"/> in ms over the measured requests that answered as expected.</summary>
internal sealed record BenchmarkPageResult(
    string Page,
    string Path,
    int Requests,
    int Errors,
    BenchmarkStats? Server,
    BenchmarkStats? Client,
    int SqlCommands,
    BenchmarkMainQuery? MainQuery,
    double? P95TargetMs,
    bool RatioTarget,
    BenchmarkStats? ReadsRaw,
    int ReadsRawCount)
{
    /// <summary>Requests made before measuring: <c>--warmup</c> or more, until the process compiled nothing for a while.</summary>
    public int Warmups { get; init; }

    /// <summary>The page's server p95 over its main query's raw p95.</summary>
    public double? Ratio => MainQuery?.Raw is { P95: > 0 } raw && Server is not null ? Server.P95 / raw.P95 : null;

    /// <summary>The page's server p95 over the raw p95 of all its reads run one after another: the page's SQL floor.</summary>
    public double? FloorRatio => ReadsRaw is { P95: > 0 } raw && Server is not null ? Server.P95 / raw.P95 : null;

    public bool? P95Passes => P95TargetMs is { } target && Server is not null ? Server.P95 < target : null;

    /// <summary>Within 3× the page's SQL floor (every read it makes, raw).</summary>
    public bool? RatioPasses => RatioTarget && FloorRatio is { } ratio ? ratio <= BenchmarkRun.RatioLimit : null;
}

/// <summary>The slowest read of a page's median request: its SQL (no values), its time and reader's reads in the app, and its rows and timings raw.</summary>
internal sealed record BenchmarkMainQuery(string Sql, int Parameters, double InAppMs, int? ReadsInApp, int RowsRaw, BenchmarkStats Raw);

/// <summary>The concurrent writers: <see cref="Expected"/> saves answered their redirect, <see cref="NotesCounted"/> notes of this run are in the table.</summary>
internal sealed record BenchmarkWritersResult(
    int Writers,
    int Children,
    int SavesPerWriter,
    int Attempted,
    int Succeeded,
    int Errors,
    BenchmarkStats? Server,
    BenchmarkStats? Client,
    int SqlCommands,
    long NotesCounted,
    long NotesAdded,
    int Expected);

internal sealed record BenchmarkMemory(
    long PeakWorkingSetBytes,
    long WorkingSetBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long TotalAllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double PauseTimePercentage,
    bool ServerGc);
