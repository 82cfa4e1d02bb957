using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// One benchmark against a started app: each key page as its usual user (warm-ups, then measured requests timed on the
/// server and the client, with the SQL each ran), each page's main query again as raw SQL, then the concurrent case-note
/// writers, the process's memory and the database's size. Anything but the expected answer is a failure, printed at once.
/// </summary>
internal sealed partial class BenchmarkRun(BenchmarkOptions options, BenchmarkRecorder recorder, Uri server, SearchLinks searches)
{
    /// <summary>Targets (docs/performance.md): a child's record and My work, search and every dashboard, and the raw-SQL ratio.</summary>
    public const double RecordTargetMs = 150;

    public const double DashboardTargetMs = 300;

    public const double RatioLimit = 3;

    /// <summary>How long, and for how many requests, a page's warm-ups must go on compiling nothing before it is measured (<see cref="WarmUpAsync"/>).</summary>
    private static readonly TimeSpan SettledFor = TimeSpan.FromMilliseconds(300);

    private const int SettledRequests = 50;

    /// <summary>The most warm-ups a page gets, settled or not.</summary>
    private const int MaxWarmups = 1000;

    private const string NoteText =
        "Visited the family home at the agreed time. The child answered the door with their mother and showed me their room, " +
        "which was clean and warm, with a bed, clothes put away and schoolwork on the desk. We talked alone for twenty minutes " +
        "about school, friends and what a good day looks like; they said mornings are calmer since the new routine started and " +
        "that they would like more time at the youth club. Mother said the support from the family keyworker has helped with " +
        "bedtimes and that the housing repair is booked. Food in the cupboards and fridge. No new concerns seen or raised. " +
        "Agreed next steps: school to share attendance weekly, keyworker to continue the routine work, next visit within ten " +
        "working days. Discussed with the team manager on return to the office.";

    private readonly List<string> failures = [];

    public async Task<BenchmarkResult> RunAsync(string environment, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var picks = BenchmarkDatabase.Pick(options.Database, options.Writers);
        Console.WriteLine($"Benchmark: {Path.GetFileName(options.Database)} ({new FileInfo(options.Database).Length / 1048576.0:N0} MiB), {environment}, {server}");
        Console.WriteLine(options.Warmup == 0
            ? $"Each page: no warm-ups (measured cold), then {options.Requests} requests one at a time; times in ms, p50/p95 by nearest rank; server-side from the first middleware."
            : $"Each page: at least {options.Warmup} warm-ups, and on until {SettledRequests} in a row and {SettledFor.TotalMilliseconds:0} ms of them compile no code, then {options.Requests} requests one at a time; times in ms, p50/p95 by nearest rank; server-side from the first middleware.");
        Console.WriteLine();

        var pages = new List<BenchmarkPageResult> { await SignInAsync("socialworker@demo.example", ct) };
        using var socialWorker = await SessionAsync("socialworker@demo.example", ct);
        using var manager = await SessionAsync("manager@demo.example", ct);
        using var performance = await SessionAsync("performance@demo.example", ct);

        pages.Add(await PageAsync("My work (social worker)", "/MyWork", socialWorker, _ => "/MyWork", RecordTargetMs, ct));
        pages.Add(await PageAsync("My work (team manager)", "/MyWork", manager, _ => "/MyWork", RecordTargetMs, ct));
        if (picks.FamilyName.Length == 0)
        {
            Fail("Child search: the database has nobody to search for");
        }
        else
        {
            // The results page as the search form's post leads to it: the search held in an encrypted token (issue 15).
            var search = "/People/Search?q=" + Uri.EscapeDataString(searches.Protect(new Application.People.SearchPeople.Query { Name = picks.FamilyName }));
            pages.Add(await PageAsync($"Child search ({picks.Sharing:N0} named)", "/People/Search?q=(the commonest family name, as a token)", socialWorker, _ => search, DashboardTargetMs, ct));
        }

        if (picks.Records.Count == 0)
        {
            Fail("Child's record: the demo social worker leads no child");
        }
        else
        {
            pages.Add(await PageAsync($"Child's record ({picks.Records.Count} children)", "/People/{id}", socialWorker, i => $"/People/{picks.Records[i % picks.Records.Count]}", RecordTargetMs, ct));
        }

        pages.Add(await PageAsync("My teams", "/Team", manager, _ => "/Team", DashboardTargetMs, ct));
        foreach (var (label, path) in new[]
        {
            ("Service at a date", "/Performance/Dates"),
            ("Timeliness", "/Performance/Timeliness"),
            ("Flow", "/Performance/Flow"),
            ("Workload", "/Performance/Workload"),
            ("Service overview", "/Performance"),
        })
        {
            pages.Add(await PageAsync(label, path, performance, _ => path, DashboardTargetMs, ct));
        }

        // The same dashboards filtered to the team with the most history (ADR 0034), by the team's lead at the time.
        if (picks.BusiestTeam is { } team)
        {
            foreach (var (label, path) in new[]
            {
                ("Service at a date, one team", "/Performance/Dates?Team="),
                ("Timeliness, one team", "/Performance/Timeliness?Team="),
                ("Flow, one team", "/Performance/Flow?Team="),
            })
            {
                pages.Add(await PageAsync(label, path + "(the busiest)", performance, _ => path + team, DashboardTargetMs, ct));
            }
        }

        var census = performance is null ? null : await ReturnAsync(performance, "CIN census", "/Returns/CinCensus", ct);
        var lookedAfter = performance is null ? null : await ReturnAsync(performance, "SSDA903", "/Returns/Ssda903", ct);
        var writers = options.Writers > 0 ? await WritersAsync(picks, started, ct) : null;
        var memory = Memory();
        var rows = BenchmarkDatabase.RowCounts(options.Database);
        var events = BenchmarkDatabase.EventTables.Sum(t => rows.GetValueOrDefault(t));
        return new BenchmarkResult(
            options.Database, new FileInfo(options.Database).Length, environment, server.ToString(), started, watch.Elapsed.TotalSeconds, options,
            pages, writers, memory, rows, events, BenchmarkDatabase.EventTables, loadBefore, LoadAverage(), Environment.ProcessorCount, failures)
        {
            Census = census,
            Ssda903 = lookedAfter,
        };
    }

    /// <summary>
    /// A DfE return for the last complete collection year (the CIN census, SSDA903), as the performance officer makes it:
    /// the check page (every child read and checked), then the download with its errors confirmed (read again, written,
    /// checked against the schema where there is one, streamed), each once, timed by the client to the last byte.
    /// </summary>
    private async Task<BenchmarkCensusResult?> ReturnAsync(BenchmarkClient officer, string name, string page, CancellationToken ct)
    {
        var year = new Domain.Returns.CollectionYear(Domain.Returns.CollectionYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).StartYear - 1);
        Progress($"{name} {year.Label}");
        var path = $"{page}?Year={year.Slug}";
        var checkPage = await officer.GetAsync(path, null, ct);
        if (checkPage.Status != 200)
        {
            Fail($"{name}: the check page answered {checkPage.Status}");
            return null;
        }

        var children = CensusChildren().Match(checkPage.Body) is { Success: true } m ? int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;
        if (BenchmarkForm.Find(checkPage.Body, "Year") is not { } form)
        {
            Fail($"{name}: the check page has no download form (is the LA number set?)");
            return null;
        }

        var fields = form.Fields();
        BenchmarkForm.Set(fields, "Input.ConfirmErrors", "true");
        var (status, bytes, elapsed) = await officer.DownloadAsync($"{page}?handler=Download", fields, ct);
        if (status != 200)
        {
            Fail($"{name}: the download answered {status}");
            return null;
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchmarkCensusResult(name, year.Label, children, checkPage.Elapsed.TotalSeconds, elapsed.TotalSeconds, bytes, process.PeakWorkingSet64);
    }

    [System.Text.RegularExpressions.GeneratedRegex("id=\"(?:census|return)-children\">([0-9,]+)<")]
    private static partial System.Text.RegularExpressions.Regex CensusChildren();

    private async Task<BenchmarkClient?> SessionAsync(string email, CancellationToken ct)
    {
        var client = new BenchmarkClient(server);
        var response = await client.SignInAsync(email, null, ct);
        if (response.Problem is null)
        {
            return client;
        }

        Fail(response.Problem);
        client.Dispose();
        return null;
    }

    /// <summary>The sign-in POST, each time from a new browser (no cookies): the form fetched first, untimed, for its token.</summary>
    private async Task<BenchmarkPageResult> SignInAsync(string email, CancellationToken ct)
    {
        Progress("Sign-in");
        var measured = new List<(BenchmarkRequest Server, double Client)>();
        var errors = new List<string>();
        for (var i = 0; i < options.Warmup + options.Requests; i++)
        {
            using var browser = new BenchmarkClient(server);
            var id = i >= options.Warmup ? $"sign-in-{i}" : null;
            var response = await browser.SignInAsync(email, id, ct);
            var request = id is not null && response.Posted ? await TakeAsync(id, ct) : null;
            if (response.Problem is not null)
            {
                errors.Add(response.Problem);
            }
            else if (request is not null)
            {
                measured.Add((request, response.Elapsed.TotalMilliseconds));
            }
        }

        return Result("Sign-in", "POST /Account/SignIn", measured, errors, null, ratioTarget: false) with { Warmups = options.Warmup };
    }

    private async Task<BenchmarkPageResult> PageAsync(string label, string shownPath, BenchmarkClient? session, Func<int, string> path, double target, CancellationToken ct)
    {
        Progress(label);
        var measured = new List<(BenchmarkRequest Server, double Client)>();
        var errors = new List<string>();
        var warmups = 0;
        if (session is null)
        {
            errors.Add($"{label}: not measured, as its user could not sign in");
        }
        else
        {
            var key = new string([.. label.Where(char.IsLetter)]).ToLowerInvariant();
            warmups = await WarmUpAsync(label, session, path, errors, ct);
            for (var i = 0; i < options.Requests; i++)
            {
                var id = $"{key}-{i}";
                var response = await session.GetAsync(path(warmups + i), id, ct);
                var request = await TakeAsync(id, ct);
                if (response.Status != 200)
                {
                    errors.Add(Answered(label, session, response));
                }
                else if (request is not null)
                {
                    measured.Add((request, response.Elapsed.TotalMilliseconds));
                }
            }
        }

        return Result(label, shownPath, measured, errors, target, ratioTarget: true) with { Warmups = warmups };
    }

    private static string Answered(string label, BenchmarkClient session, BenchmarkResponse response) =>
        $"{label} as {session.SignedInAs} answered {response.Status}{(response.Location is null ? "" : " to " + response.Location)}";

    /// <summary>
    /// Warms a page up to the steady state a running server is in: at least <c>--warmup</c> requests, then on until
    /// <see cref="SettledRequests"/> of them in a row, taking <see cref="SettledFor"/> or more, compiled no method anywhere
    /// in the process, or <see cref="MaxWarmups"/>. The tiered JIT compiles a method quickly first and again, optimised,
    /// only once it has been called 30 times after a 100 ms pause in new compilations, so a page's first hundred or so
    /// requests after its code is first used run partly unoptimised: five warm-ups measured the first page of a kind half
    /// cold (docs/performance.md). Fifty quiet requests are more than 30 calls of anything the page runs each time, and 300 ms
    /// more than the pause and 30 calls of a fast page. Not seconds: timers elsewhere in the process compile a method now and
    /// then whatever the page does.
    /// With <c>--warmup 0</c>, none at all: the page is measured cold.
    /// </summary>
    private async Task<int> WarmUpAsync(string label, BenchmarkClient session, Func<int, string> path, List<string> errors, CancellationToken ct)
    {
        if (options.Warmup == 0)
        {
            return 0;
        }

        var count = 0;
        var quiet = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = Stopwatch.GetTimestamp();
        while (count < options.Warmup || (count < MaxWarmups && (quiet < SettledRequests || Stopwatch.GetElapsedTime(quietSince) < SettledFor)))
        {
            var response = await session.GetAsync(path(count), null, ct);
            if (response.Status != 200)
            {
                errors.Add(Answered(label, session, response) + " (warm-up)");
            }

            count++;
            quiet++;
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet = 0;
                quietSince = Stopwatch.GetTimestamp();
            }
        }

        return count;
    }

    /// <summary>The page's figures, with its main query (the slowest read in its median request) run again as raw SQL.</summary>
    private BenchmarkPageResult Result(string label, string path, List<(BenchmarkRequest Server, double Client)> measured, List<string> errors, double? target, bool ratioTarget)
    {
        foreach (var error in errors.Distinct(StringComparer.Ordinal))
        {
            Fail(Times(error, errors));
        }

        if (measured.Count == 0)
        {
            return new BenchmarkPageResult(label, path, 0, errors.Count, null, null, 0, null, target, ratioTarget, null, 0);
        }

        var median = measured.Select(m => m.Server).OrderBy(r => r.Elapsed).ElementAt(measured.Count / 2);

        // The page's SQL floor: every read of the median request run again raw, one after another as the page runs them,
        // the same number of times; run i's floor is the sum of each read's i-th time. (Writes, such as the audit entry a
        // record view adds, are not run again.) The main query is the slowest of them in the app, with its raw times from
        // the same runs.
        BenchmarkStats? floor = null;
        BenchmarkMainQuery? main = null;
        var reads = median.Commands.Where(c => c.IsRead).ToList();
        if (reads.Count > 0)
        {
            var slowest = reads.MaxBy(c => c.Total)!;
            try
            {
                var sums = new double[options.Requests];
                foreach (var read in reads)
                {
                    var (times, rows) = BenchmarkDatabase.TimeRaw(options.Database, read, options.Warmup, options.Requests);
                    for (var i = 0; i < sums.Length; i++)
                    {
                        sums[i] += times[i];
                    }

                    if (ReferenceEquals(read, slowest))
                    {
                        main = new BenchmarkMainQuery(read.Text, read.Parameters.Count, read.Total.TotalMilliseconds, read.Reads, rows, BenchmarkStats.Of([.. times]));
                    }
                }

                floor = BenchmarkStats.Of([.. sums]);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                Fail($"{label}: its reads could not be run again as raw SQL: {e.Message}");
            }
        }

        var commands = measured.Select(m => (double)m.Server.Commands.Count).ToList();
        return new BenchmarkPageResult(
            label, path, measured.Count, errors.Count,
            BenchmarkStats.Of([.. measured.Select(m => m.Server.Elapsed.TotalMilliseconds)]),
            BenchmarkStats.Of([.. measured.Select(m => m.Client)]),
            (int)BenchmarkStats.Of(commands).P50,
            main, target, ratioTarget, floor, reads.Count);
    }

    /// <summary>
    /// Writers, each its own browser signed in as a worker or manager who may record on their child, all saving case notes
    /// at once through the form as a browser does (the form fetched first, untimed, for its token and submission id). Then the
    /// notes are counted by SQL: every save that answered its redirect must have written exactly one note.
    /// </summary>
    private async Task<BenchmarkWritersResult> WritersAsync(BenchmarkPicks picks, DateTime started, CancellationToken ct)
    {
        Progress($"{options.Writers} concurrent writers");
        var errors = new List<string>();
        var saves = new List<(BenchmarkRequest Server, double Client)>();
        var marker = $"Benchmark note {started:yyyyMMdd'T'HHmmss}";
        if (picks.Writers.Count == 0)
        {
            Fail("Case-note save: no demo worker leads a child, so nobody can write");
            return new BenchmarkWritersResult(0, 0, options.SavesPerWriter, 0, 0, 0, null, null, 0, 0, 0, 0);
        }

        var before = BenchmarkDatabase.Count(options.Database, "SELECT COUNT(*) FROM CaseNotes");
        var clients = new List<(BenchmarkClient Client, BenchmarkWriter Writer)>();
        foreach (var writer in picks.Writers)
        {
            var client = new BenchmarkClient(server);
            var signedIn = await client.SignInAsync(writer.Email, null, ct);
            if (signedIn.Problem is not null)
            {
                errors.Add($"writer {writer.Email}: {signedIn.Problem}");
            }

            clients.Add((client, writer));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = clients.Select((c, w) => Task.Run(async () =>
        {
            await gate.Task;
            for (var s = 0; s < options.SavesPerWriter; s++)
            {
                var (problem, measured) = await SaveAsync(c.Client, c.Writer, $"{marker} w{w:00} s{s:00}", $"save-{w}-{s}", s, ct);
                lock (saves)
                {
                    if (problem is not null)
                    {
                        errors.Add($"Case-note save by {c.Writer.Email}: {problem}");
                    }
                    else if (measured is { } m)
                    {
                        saves.Add(m);
                    }
                }
            }
        }, ct)).ToList();
        gate.SetResult();
        await Task.WhenAll(tasks);
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }

        foreach (var error in errors.Distinct(StringComparer.Ordinal))
        {
            Fail(Times(error, errors));
        }

        var after = BenchmarkDatabase.Count(options.Database, "SELECT COUNT(*) FROM CaseNotes");
        var counted = BenchmarkDatabase.Count(options.Database, $"SELECT COUNT(*) FROM CaseNotes WHERE Title LIKE '{marker} w%'");
        if (counted != saves.Count)
        {
            Fail($"Case-note save: {saves.Count} saves answered their redirect but {counted} notes were written (lost or extra updates)");
        }

        var attempted = clients.Count * options.SavesPerWriter;
        return new BenchmarkWritersResult(
            clients.Count, picks.Writers.Select(w => w.ChildId).Distinct(StringComparer.Ordinal).Count(), options.SavesPerWriter,
            attempted, saves.Count, attempted - saves.Count,
            saves.Count == 0 ? null : BenchmarkStats.Of([.. saves.Select(m => m.Server.Elapsed.TotalMilliseconds)]),
            saves.Count == 0 ? null : BenchmarkStats.Of([.. saves.Select(m => m.Client)]),
            saves.Count == 0 ? 0 : (int)BenchmarkStats.Of([.. saves.Select(m => (double)m.Server.Commands.Count)]).P50,
            counted, after - before, saves.Count);
    }

    /// <summary>One case note through the form, every visible field filled as a browser sends it; the POST is timed. A problem, or the save's times.</summary>
    private async Task<(string? Problem, (BenchmarkRequest Server, double Client)? Measured)> SaveAsync(
        BenchmarkClient client, BenchmarkWriter writer, string title, string id, int save, CancellationToken ct)
    {
        var path = $"/People/{writer.ChildId}/Notes/New";
        var page = await client.GetAsync(path, null, ct);
        if (page.Status != 200 || BenchmarkForm.Find(page.Body, "Input.Title") is not { } form)
        {
            return ($"the note form answered {page.Status}{(page.Status == 200 ? " without its form" : "")}{(page.Location is null ? "" : " to " + page.Location)}", null);
        }

        var fields = form.Fields();
        var types = form.Choices("Input.Type");
        BenchmarkForm.Set(fields, "Input.Type", types.Contains("Visit") ? "Visit" : types.FirstOrDefault() ?? string.Empty);
        BenchmarkForm.Set(fields, "Input.OccurredAt", "14:30");
        BenchmarkForm.Set(fields, "Input.Title", title);
        BenchmarkForm.Set(fields, "Input.WhoWasSeen", "The child, alone in their room; their mother");
        BenchmarkForm.Set(fields, "Input.ChildSeen", "true");
        BenchmarkForm.Set(fields, "Input.ChildSeenAlone", "true");
        BenchmarkForm.Set(fields, "Input.Text", NoteText);
        if (save % 3 == 0)
        {
            BenchmarkForm.Set(fields, "Input.Significant", "true");
        }

        var response = await client.PostAsync(path, fields, id, ct);
        var request = await TakeAsync(id, ct);
        if (response.Status is 302 or 303 && response.Location?.Contains("/Notes/", StringComparison.Ordinal) == true)
        {
            return request is null ? ("the server recorded no time for it", null) : (null, (request, response.Elapsed.TotalMilliseconds));
        }

        // A refused form comes back (400, or 200) with its error summary: say what it said.
        var answered = $"answered {response.Status}{(response.Location is null ? "" : " to " + response.Location)}";
        var why = BenchmarkForm.Errors(response.Body) is { Count: > 0 } messages
            ? $"{answered}, the form back with its errors: {string.Join("; ", messages)}"
            : answered;
        return (why, null);
    }

    private async Task<BenchmarkRequest?> TakeAsync(string id, CancellationToken ct)
    {
        try
        {
            return await recorder.TakeAsync(id, ct);
        }
        catch (TimeoutException)
        {
            Fail($"the server recorded nothing for request {id}");

            return null;
        }
    }

    private static string Times(string error, List<string> errors) =>
        errors.Count(e => e == error) is var n and > 1 ? $"{error} ({n} times)" : error;

    private void Fail(string message)
    {
        lock (failures)
        {
            failures.Add(message);
        }

        Console.Error.WriteLine($"!! BENCHMARK FAILURE: {message}");
    }

    private static void Progress(string what) => Console.Error.WriteLine($"  measuring {what}…");

    private static BenchmarkMemory Memory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo();
        return new BenchmarkMemory(
            process.PeakWorkingSet64, process.WorkingSet64, gc.HeapSizeBytes, gc.TotalCommittedBytes, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), gc.PauseTimePercentage, GCSettings.IsServerGC);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>p50, p95 (nearest rank) and the largest of a set of milliseconds.</summary>
internal sealed record BenchmarkStats(double P50, double P95, double Max)
{
    public static BenchmarkStats Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double Rank(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new BenchmarkStats(Rank(0.50), Rank(0.95), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:0.0} / {P95:0.0}");
}
