using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Bench mode only (registered by <see cref="BenchmarkCommand.Configure"/>): times each request the benchmark marks with
/// <see cref="Header"/> in the first middleware, and records against it every SQL command EF Core ran for it, observed
/// through EF Core's diagnostic events (<see cref="RelationalEventId.CommandExecuted"/> and
/// <see cref="RelationalEventId.DataReaderDisposing"/>), with its text, parameters, duration and rows read.
/// </summary>
public sealed class BenchmarkRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string Header = "X-Bench-Id";

    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string ReaderDisposing = RelationalEventId.DataReaderDisposing.Name!;
    private static readonly AsyncLocal<BenchmarkRequest?> Current = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource<BenchmarkRequest>> requests = new(StringComparer.Ordinal);
    private readonly List<IDisposable> subscriptions = [];

    /// <summary>The first middleware: the request's time from entering the pipeline to leaving it, and the commands run meanwhile.</summary>
    public async Task TimeAsync(HttpContext context, RequestDelegate next)
    {
        var id = context.Request.Headers[Header].ToString();
        if (id.Length == 0)
        {
            await next(context);
            return;
        }

        var request = new BenchmarkRequest();
        Current.Value = request;
        var watch = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            request.Elapsed = watch.Elapsed;
            request.StatusCode = context.Response.StatusCode;
            Current.Value = null;
            Completion(id).TrySetResult(request);
        }
    }

    /// <summary>What the server recorded for the request marked <paramref name="id"/>; waits for it, as the client can read the whole response before the middleware has finished.</summary>
    public async Task<BenchmarkRequest> TakeAsync(string id, CancellationToken cancellationToken)
    {
        var request = await Completion(id).Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        requests.TryRemove(id, out _);
        return request;
    }

    /// <summary>Subscribes to EF Core's diagnostic listener (every one, should there be more than one) until disposed.</summary>
    public IDisposable ListenToEfCore()
    {
        var all = DiagnosticListener.AllListeners.Subscribe(this);
        return new Unsubscriber(this, all);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == Executed || name == ReaderDisposing));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is not { } request)
        {
            return;
        }

        if (value.Key == Executed && value.Value is CommandExecutedEventData executed)
        {
            request.Add(executed);
        }
        else if (value.Key == ReaderDisposing && value.Value is DataReaderDisposingEventData disposing)
        {
            request.Closed(disposing);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private TaskCompletionSource<BenchmarkRequest> Completion(string id) =>
        requests.GetOrAdd(id, _ => new TaskCompletionSource<BenchmarkRequest>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Puts <see cref="TimeAsync"/> first in the pipeline, before everything Program.cs adds.</summary>
    internal sealed class TimingFilter(BenchmarkRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(recorder.TimeAsync);
            next(app);
        };
    }

    private sealed class Unsubscriber(BenchmarkRecorder recorder, IDisposable all) : IDisposable
    {
        public void Dispose()
        {
            all.Dispose();
            lock (recorder.subscriptions)
            {
                foreach (var subscription in recorder.subscriptions)
                {
                    subscription.Dispose();
                }

                recorder.subscriptions.Clear();
            }
        }
    }
}

/// <summary>One measured request as the server saw it.</summary>
public sealed class BenchmarkRequest
{
    private readonly List<BenchmarkSqlCommand> commands = [];

    public TimeSpan Elapsed { get; internal set; }

    public int StatusCode { get; internal set; }

    public IReadOnlyList<BenchmarkSqlCommand> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    internal void Add(CommandExecutedEventData executed)
    {
        var command = new BenchmarkSqlCommand(
            executed.CommandId,
            executed.Command.CommandText,
            [.. executed.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(BenchmarkSqlParameter.Copy)],
            executed.Duration);
        lock (commands)
        {
            commands.Add(command);
        }
    }

    internal void Closed(DataReaderDisposingEventData disposing)
    {
        lock (commands)
        {
            if (commands.LastOrDefault(c => c.CommandId == disposing.CommandId) is { } command)
            {
                command.ReaderOpen = disposing.Duration;
                command.Reads = disposing.ReadCount;
            }
        }
    }
}

/// <summary>A SQL command a measured request ran: what EF Core sent, how long it took to execute and to read.</summary>
public sealed class BenchmarkSqlCommand(Guid commandId, string text, IReadOnlyList<BenchmarkSqlParameter> parameters, TimeSpan executing)
{
    public Guid CommandId { get; } = commandId;

    public string Text { get; } = text;

    public IReadOnlyList<BenchmarkSqlParameter> Parameters { get; } = parameters;

    public TimeSpan Executing { get; } = executing;

    /// <summary>How long its reader was open (rows read and materialised); zero for a command with no reader.</summary>
    public TimeSpan ReaderOpen { get; internal set; }

    /// <summary>Calls to the reader's Read: its rows, and one more when it was read to the end.</summary>
    public int? Reads { get; internal set; }

    public TimeSpan Total => Executing + ReaderOpen;

    /// <summary>Whether it only reads, so running it again changes nothing.</summary>
    public bool IsRead
    {
        get
        {
            var text = Text.TrimStart();
            var reads = text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
            string[] writes = ["INSERT ", "UPDATE ", "DELETE ", "REPLACE ", "PRAGMA "];
            return reads && !writes.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        }
    }
}

/// <summary>
/// A parameter as EF Core bound it, kept to bind again on another connection. Microsoft.Data.Sqlite binds by the value's own
/// type unless a SQLite type or size was set (its getters infer them from the value otherwise): only those set are kept, so a
/// Guid is bound as the text EF Core sent, not as the blob its inferred type would make it.
/// </summary>
public sealed record BenchmarkSqlParameter(string Name, object? Value, SqliteType? SqliteType, int? Size)
{
    public static BenchmarkSqlParameter Copy(System.Data.Common.DbParameter p)
    {
        if (p is not SqliteParameter sqlite)
        {
            return new(p.ParameterName, p.Value, null, null);
        }

        var inferred = new SqliteParameter { Value = sqlite.Value };
        return new(
            sqlite.ParameterName,
            sqlite.Value,
            sqlite.SqliteType != inferred.SqliteType ? sqlite.SqliteType : null,
            sqlite.Size != inferred.Size ? sqlite.Size : null);
    }

    public SqliteParameter ToSqlite()
    {
        var parameter = new SqliteParameter(Name, Value ?? DBNull.Value);
        if (SqliteType is { } type)
        {
            parameter.SqliteType = type;
        }

        if (Size is { } size)
        {
            parameter.Size = size;
        }

        return parameter;
    }
}
