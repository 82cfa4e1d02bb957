using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChildrenServices.IntegrationTests.Infrastructure;

/// <summary>One formatted log line as the app wrote it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message);

/// <summary>
/// Keeps every formatted log message the host writes, beside its normal output, so a test can
/// check what reached the logs (a use case's name) and what must never reach them (a child's name).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    /// <summary>Information by default (what production writes); the canary test lowers it to what a council diagnosing a fault might set.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Information and above unless lowered: what a production deployment writes.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture.MinimumLevel && logLevel < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // The exception's text too: a message quoting data in an exception is as much a leak.
            var message = formatter(state, exception) + (exception is null ? string.Empty : " " + exception);
            entries.Enqueue(new CapturedLog(category, logLevel, message));
        }
    }
}

/// <summary>
/// The app logs through Serilog, which replaces the logger factory and ignores other providers.
/// This factory hands every logger to Serilog's factory and to <see cref="LogCapture"/> alike.
/// </summary>
internal sealed class TeeLoggerFactory(ILoggerFactory inner, LogCapture capture) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new TeeLogger(inner.CreateLogger(categoryName), capture.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class TeeLogger(ILogger first, ILogger second) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => first.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => first.IsEnabled(logLevel) || second.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Capture only what Serilog would actually write, so tests judge the real log output.
            if (first.IsEnabled(logLevel))
            {
                first.Log(logLevel, eventId, state, exception, formatter);
                if (second.IsEnabled(logLevel))
                {
                    second.Log(logLevel, eventId, state, exception, formatter);
                }
            }
        }
    }
}
