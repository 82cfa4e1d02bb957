using ChildrenServices.Application;
using ChildrenServices.Application.Returns.Feed;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Runs the DfE's daily feed by itself once a day at <c>DailyFeed:RunAt</c> UK time, when <c>DailyFeed:RunDaily</c> is true
/// (off by default, and in the tests, which run it when they choose). A failed run is logged and the next day's sends what
/// is still unaccepted: nothing accepted is lost, nothing accepted is sent again.
/// </summary>
public sealed class DailyFeedScheduler(IServiceScopeFactory scopes, IOptions<DailyFeedOptions> options, TimeProvider clock, ILogger<DailyFeedScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDaily)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = UntilNext(options.Value.RunAt);
            logger.LogInformation("Daily feed: next run in {Wait}", wait);
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DailyFeedRunner>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The schedule must outlive a failed run: it is logged, and tomorrow's run sends what is still unaccepted.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                logger.LogError(failure, "Daily feed run failed; the next run sends what was not accepted");
            }
        }
    }

    /// <summary>From now to the next <paramref name="at"/> in UK local time (tomorrow's if today's has passed), worked out in UTC so a clock change does not move it.</summary>
    private TimeSpan UntilNext(TimeOnly at)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = UkTime.ToLocal(now);
        var next = UkTime.ToUtc(local.Date + at.ToTimeSpan());
        if (next <= now)
        {
            next = UkTime.ToUtc(local.Date.AddDays(1) + at.ToTimeSpan());
        }

        return next - now;
    }
}
