using ChildrenServices.Application.Performance;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Brings the timeliness facts up to date in the background (ADR 0031): once as the app starts, then every
/// <c>Performance:TimelinessRefreshSeconds</c> (default 60; 0 turns it off, as the tests do, which refresh when they
/// choose). A failed refresh is logged and tried again next time; the page says when the figures were last brought up
/// to date, so a stale figure is never shown as current.
/// </summary>
public sealed class TimelinessRefresher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TimelinessRefresher> logger) : BackgroundService
{
    public const int DefaultSeconds = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Performance:TimelinessRefreshSeconds", DefaultSeconds);
        if (seconds <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcome = await scope.ServiceProvider.GetRequiredService<TimelinessFacts>().RefreshAsync(stoppingToken);
                if (outcome.Records > 0)
                {
                    logger.LogInformation("Timeliness facts {Kind}: {Records} records, {Facts} facts in {Milliseconds:0} ms",
                        outcome.Rebuilt ? "rebuilt" : "refreshed", outcome.Records, outcome.Facts, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background refresh must outlive a failure: it is logged and tried again.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                logger.LogError(failure, "Timeliness facts could not be brought up to date; trying again in {Seconds} s", seconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(seconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
