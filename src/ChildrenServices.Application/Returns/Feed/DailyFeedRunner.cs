using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChildrenServices.Domain.Returns.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Application.Returns.Feed;

/// <summary>The daily feed's settings (configuration section <c>DailyFeed</c>, docs/returns.md).</summary>
public sealed class DailyFeedOptions
{
    public const string Section = "DailyFeed";

    /// <summary>The DfE API's base address; with none, the feed writes the files it would have sent to <see cref="Folder"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The credential the DfE issued, sent in <see cref="ApiKeyHeader"/>.</summary>
    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "Ocp-Apim-Subscription-Key";

    /// <summary>Where the files go when no endpoint is set (relative to the app's content root).</summary>
    public string Folder { get; set; } = "App_Data/daily-feed";

    /// <summary>Children per request: the API takes at most 100.</summary>
    public int BatchSize { get; set; } = MaxBatch;

    /// <summary>Tries per request when the API answers 429 or 5xx, or does not answer.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry; each retry after waits twice as long (a Retry-After header wins).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between tries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the feed runs each day by itself, at <see cref="RunAt"/> UK time.</summary>
    public bool RunDaily { get; set; }

    public TimeOnly RunAt { get; set; } = new(2, 0);

    /// <summary>
    /// How long a run holds the feed without renewing it (it renews before every request): a server that stops part way
    /// keeps the others out this long at most. Longer than one request can take with its retries.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(15);

    public const int MaxBatch = 100;
}

/// <summary>An answer from where the feed is sent: the HTTP status (none when nothing answered), the receipt, and how long the API asked to wait.</summary>
public sealed record FeedAnswer(int? Status, string? Receipt, TimeSpan? RetryAfter, string? Problem);

/// <summary>Where the feed goes: the DfE's API, or files when no endpoint is set.</summary>
public interface IDailyFeedTransport
{
    /// <summary>The endpoint's address or the folder: the feed remembers what each destination has accepted.</summary>
    string Destination { get; }

    /// <summary>True when writing files rather than sending.</summary>
    bool WritesFiles { get; }

    Task<FeedAnswer> SendAsync(ReadOnlyMemory<byte> body, string laCode, CancellationToken ct);
}

/// <summary>What a run of the feed did.</summary>
/// <param name="Stopped">The API refused access (401, 403) or kept failing after every try, so the run stopped early.</param>
public sealed record DailyFeedRun(Guid RunId, string Destination, bool WroteFiles, int ChildrenRead, int Sent, int Purged, int Unchanged, int Requests, int Failed, IReadOnlyList<string> NotSent, bool Stopped = false);

/// <summary>
/// Runs the DfE's daily children's social care feed (ADR 0038): reads every child in it, sends only those whose data
/// changed since the destination last accepted them (all of them the first time), in requests of at most 100 children,
/// then purges the children who have left it (a record merged into another, a child whose every referral was
/// withdrawn) and the episodes withdrawn since they were sent. A request answered 429 or 5xx, or not answered, is tried
/// again after a wait that doubles each time (or the Retry-After the API gives); one refused for being too big is split.
/// Each request is logged (counts, status, receipt; never a child's data) and what the API accepted is remembered at once,
/// so a change is never sent twice once accepted, whatever happens to the run after.
/// </summary>
public sealed partial class DailyFeedRunner(IAppDbContext db, IDailyFeedTransport transport, IOptions<DailyFeedOptions> options, TimeProvider clock, ILogger<DailyFeedRunner> logger)
{
    private readonly DailyFeedOptions settings = options.Value;

    /// <param name="Purge">The whole child purged.</param>
    /// <param name="NameHeld">The data sent holds the child's name.</param>
    /// <param name="DetailsPurge">Only the child's personal details purged (a record restricted since its name was sent).</param>
    private sealed record Item(Guid ChildId, string LaChildId, byte[] Json, string Hash, IReadOnlyList<string> Episodes, bool Purge, bool NameHeld = false, bool DetailsPurge = false);

    public const string AlreadyRunning = "The feed is being sent already: wait for that run to finish";

    /// <summary>
    /// One run at a time for a destination, across every server: the run holds the destination's lease
    /// (<see cref="FeedRunLease"/>) throughout, renewing it before each request, and stops if it ever finds it taken.
    /// </summary>
    public async Task<DailyFeedRun> RunAsync(CancellationToken ct)
    {
        var runId = Guid.CreateVersion7();
        if (!await TakeLeaseAsync(runId, ct))
        {
            throw new Domain.Common.DomainRuleException(AlreadyRunning, "Feed");
        }

        try
        {
            return await RunOnceAsync(runId, ct);
        }
        finally
        {
            // Given back whatever happened, so the next run need not wait for it to run out.
            await db.FeedRunLeases.Where(l => l.Destination == transport.Destination && l.HolderRunId == runId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.HolderRunId, (Guid?)null), CancellationToken.None);
        }
    }

    /// <summary>Takes the destination's lease if no run holds it, or the one that did let it run out.</summary>
    private async Task<bool> TakeLeaseAsync(Guid runId, CancellationToken ct)
    {
        var destination = transport.Destination;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + settings.LeaseDuration;
        var taken = await db.FeedRunLeases.Where(l => l.Destination == destination && (l.HolderRunId == null || l.ExpiresAtUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.HolderRunId, runId).SetProperty(l => l.ExpiresAtUtc, until), ct);
        if (taken > 0)
        {
            return true;
        }

        if (await db.FeedRunLeases.AnyAsync(l => l.Destination == destination, ct))
        {
            return false;
        }

        db.FeedRunLeases.Add(new FeedRunLease(destination, runId, until));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server's first run took it at the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Renews the lease before a request; false when another run holds it now (this one ran past it).</summary>
    private async Task<bool> RenewLeaseAsync(Guid runId, CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime + settings.LeaseDuration;
        return await db.FeedRunLeases.Where(l => l.Destination == transport.Destination && l.HolderRunId == runId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAtUtc, until), ct) > 0;
    }

    private async Task<DailyFeedRun> RunOnceAsync(Guid runId, CancellationToken ct)
    {
        // The API's la_code is the council's three-digit DfE LA number (the OpenAPI's path parameter), not its ONS code.
        var laCode = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(laCode))
        {
            throw new Domain.Common.DomainRuleException("An administrator must set the council's LA number in the return settings before the daily feed can run", "Feed");
        }

        var destination = transport.Destination;
        var states = await db.FeedChildStates.Where(s => s.Destination == destination).ToDictionaryAsync(s => s.ChildId, ct);
        var batchSize = Math.Clamp(settings.BatchSize, 1, DailyFeedOptions.MaxBatch);
        var run = new Counts();
        var notSent = new List<string>();
        var seen = new HashSet<Guid>();
        var pending = new List<Item>();

        await foreach (var (childId, child) in new DailyFeedReader(db).ReadAsync(ct))
        {
            run.Read++;
            if (!LaChildIdPattern().IsMatch(child.LaChildId) || child.LaChildId.Length > 20)
            {
                // The API takes only letters and digits, at most 20: the CIN census's rules 1570 and 1580 name the record to correct.
                notSent.Add(child.LaChildId);
                continue;
            }

            seen.Add(childId);
            var json = JsonSerializer.SerializeToUtf8Bytes(child, FeedChild.Json);
            var hash = Convert.ToHexString(SHA256.HashData(json));
            states.TryGetValue(childId, out var state);
            if (state is { Purged: false } && state.Hash == hash && state.LaChildId == child.LaChildId)
            {
                run.Unchanged++;
                continue;
            }

            // A record restricted since its name was sent: the destination's copy of the child's personal details is purged
            // first, and the details go again without the name on the next run (the social care data stays throughout).
            if (state is { Purged: false, NameHeld: true } && state.LaChildId == child.LaChildId && !child.HasName)
            {
                pending.Add(new Item(childId, child.LaChildId, JsonSerializer.SerializeToUtf8Bytes(FeedChild.DetailsPurgeOf(child.LaChildId), FeedChild.Json), string.Empty, state.EpisodeIds, false, DetailsPurge: true));
            }
            else
            {
                QueueChild(childId, child, json, hash, state, pending);
            }

            if (run.Stopped)
            {
                break;
            }

            if (pending.Count >= batchSize)
            {
                await SendAsync(pending[..batchSize], runId, laCode, states, run, ct);
                pending.RemoveRange(0, batchSize);
            }
        }

        // Children the destination holds who are no longer in the feed: purged under the ID it holds them by (only when every
        // child was read: a run that stopped early has not seen them all).
        foreach (var gone in states.Values.Where(s => !run.Stopped && !s.Purged && !seen.Contains(s.ChildId)).OrderBy(s => s.LaChildId, StringComparer.Ordinal))
        {
            pending.Add(new Item(gone.ChildId, gone.LaChildId, JsonSerializer.SerializeToUtf8Bytes(new FeedChild(gone.LaChildId, Purge: true), FeedChild.Json), string.Empty, [], true));
        }

        foreach (var chunk in pending.Chunk(batchSize))
        {
            if (run.Stopped)
            {
                break;
            }

            await SendAsync([.. chunk], runId, laCode, states, run, ct);
        }

        logger.LogInformation(
            "Daily feed run {RunId} to {Destination}: {Read} children read, {Sent} sent, {Purged} purged, {Unchanged} unchanged, {Requests} requests, {Failed} children not accepted, {NotSent} with a local ID the API cannot take",
            runId, transport.WritesFiles ? "files" : "the DfE's API", run.Read, run.Sent, run.Purged, run.Unchanged, run.Requests, run.Failed, notSent.Count);
        return new DailyFeedRun(runId, destination, transport.WritesFiles, run.Read, run.Sent, run.Purged, run.Unchanged, run.Requests, run.Failed, notSent, run.Stopped);
    }

    /// <summary>
    /// The child's data, with a purge flag for what the destination holds that is gone (a referral withdrawn, an item within
    /// an episode removed or moved); a child now under a new local ID is purged under the old one first.
    /// </summary>
    private static void QueueChild(Guid childId, FeedChild child, byte[] json, string hash, FeedChildState? state, List<Item> pending)
    {
        IReadOnlyList<string> held = state is { Purged: false } ? state.EpisodeIds : [];
        if (state is { Purged: false } && state.LaChildId != child.LaChildId)
        {
            pending.Add(new Item(childId, state.LaChildId, JsonSerializer.SerializeToUtf8Bytes(new FeedChild(state.LaChildId, Purge: true), FeedChild.Json), string.Empty, [], true));
            held = [];
        }

        var withPurges = child.WithPurgesOf(held);
        var body = ReferenceEquals(withPurges, child) ? json : JsonSerializer.SerializeToUtf8Bytes(withPurges, FeedChild.Json);
        pending.Add(new Item(childId, child.LaChildId, body, hash, child.Keys(), false, child.HasName));
    }

    private sealed class Counts
    {
        public int Read;
        public int Sent;
        public int Purged;
        public int Unchanged;
        public int Requests;
        public int Failed;

        /// <summary>The API refused access or kept failing: no more requests this run.</summary>
        public bool Stopped;
    }

    /// <summary>One request: retried on 429, 5xx and no answer; split when too big; what is accepted remembered at once.</summary>
    private async Task SendAsync(IReadOnlyList<Item> items, Guid runId, string laCode, Dictionary<Guid, FeedChildState> states, Counts run, CancellationToken ct)
    {
        if (run.Stopped)
        {
            return;
        }

        if (!await RenewLeaseAsync(runId, ct))
        {
            // Another run holds the feed now: sending on would send the same changes twice.
            logger.LogWarning("Daily feed run {RunId}: another run took the feed over, so this one stops; what it did not send goes next run", runId);
            run.Stopped = true;
            run.Failed += items.Count;
            return;
        }

        var body = Body(items);
        var send = new FeedSend(runId, transport.Destination, clock.GetUtcNow().UtcDateTime, items.Count(i => !i.Purge && !i.DetailsPurge), items.Count(i => i.Purge || i.DetailsPurge));
        db.FeedSends.Add(send);
        run.Requests++;
        FeedAnswer answer;
        while (true)
        {
            send.Attempted();
            answer = await transport.SendAsync(body, laCode, ct);
            var retry = answer.Status is null or 429 or >= 500;
            if (!retry || send.Attempts >= Math.Max(1, settings.MaxAttempts))
            {
                break;
            }

            var wait = answer.RetryAfter ?? TimeSpan.FromTicks(settings.FirstRetryDelay.Ticks * (1L << Math.Min(send.Attempts - 1, 20)));
            wait = wait > settings.MaxRetryDelay ? settings.MaxRetryDelay : wait;
            logger.LogWarning("Daily feed request {SendId}: answered {Status}, try {Attempt} of {MaxAttempts}; waiting {Wait} before trying again", send.Id, answer.Status, send.Attempts, settings.MaxAttempts, wait);
            await Task.Delay(wait, clock, ct);
            if (!await RenewLeaseAsync(runId, ct))
            {
                logger.LogWarning("Daily feed run {RunId}: another run took the feed over while request {SendId} waited, so this one stops; what it did not send goes next run", runId, send.Id);
                send.Finish(FeedSendOutcome.Failed, answer.Status, null, "Not tried again: another run took the feed over", clock.GetUtcNow().UtcDateTime);
                run.Failed += items.Count;
                run.Stopped = true;
                await db.SaveChangesAsync(ct);
                return;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (answer.Status is 413 or 400 && items.Count > 1)
        {
            // Too many records for the API, or one child's data it refuses: each half is sent on its own, so one child
            // never keeps the rest of a request out.
            send.Finish(FeedSendOutcome.Refused, answer.Status, null, $"{(answer.Status == 413 ? "Too many records" : "Refused")}: sent again as two requests of {items.Count / 2} and {items.Count - (items.Count / 2)}", now);
            await db.SaveChangesAsync(ct);
            var half = items.Count / 2;
            await SendAsync(items.Take(half).ToList(), runId, laCode, states, run, ct);
            await SendAsync(items.Skip(half).ToList(), runId, laCode, states, run, ct);
            return;
        }

        var accepted = transport.WritesFiles || answer.Status is 200 or 204;
        send.Finish(
            transport.WritesFiles ? FeedSendOutcome.Written : accepted ? FeedSendOutcome.Accepted : answer.Status is null or 429 or >= 500 ? FeedSendOutcome.Failed : FeedSendOutcome.Refused,
            transport.WritesFiles ? null : answer.Status, answer.Receipt, accepted ? null : answer.Problem ?? $"Answered {answer.Status}", now);
        if (accepted)
        {
            foreach (var item in items)
            {
                if (!states.TryGetValue(item.ChildId, out var state))
                {
                    state = new FeedChildState(transport.Destination, item.ChildId);
                    states[item.ChildId] = state;
                    db.FeedChildStates.Add(state);
                }

                if (item.DetailsPurge)
                {
                    state.AcceptDetailsPurge(now);
                    run.Purged++;
                }
                else if (item.Purge && item.LaChildId == state.LaChildId)
                {
                    state.AcceptPurge(now);
                    run.Purged++;
                }
                else if (item.Purge)
                {
                    // The old local ID's purge, sent ahead of the child's data under the new one: counted, the state follows the new.
                    run.Purged++;
                }
                else
                {
                    state.Accept(item.LaChildId, item.Hash, item.Episodes, item.NameHeld, now);
                    run.Sent++;
                }
            }
        }
        else
        {
            run.Failed += items.Count;

            // Not allowed (401, 403), or still failing after every try: the rest of the run would meet the same, so it stops
            // here; what is unaccepted goes next run.
            if (answer.Status is null or 401 or 403 or 429 or >= 500)
            {
                run.Stopped = true;
            }
        }

        logger.LogInformation(
            "Daily feed request {SendId}: {Children} children and {Purges} purges, {Outcome} ({Status}) after {Attempts} tries, receipt {Receipt}",
            send.Id, send.Children, send.Purges, send.Outcome, send.Status, send.Attempts, send.Receipt);
        await db.SaveChangesAsync(ct);
    }

    private static byte[] Body(IReadOnlyList<Item> items)
    {
        using var stream = new MemoryStream();
        stream.WriteByte((byte)'[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(items[i].Json);
        }

        stream.WriteByte((byte)']');
        return stream.ToArray();
    }

    [GeneratedRegex("^[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LaChildIdPattern();
}
