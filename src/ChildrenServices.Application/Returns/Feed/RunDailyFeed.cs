using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns.Feed;

/// <summary>An officer sends the daily feed now, rather than waiting for the night's run; audited.</summary>
public static class RunDailyFeed
{
    /// <remarks>A query, not a command, like the returns' downloads: the run saves each request's log and state as it goes, never holding a write lock across it.</remarks>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Command : IQuery<DailyFeedRun>;

    public sealed class Handler(IAppDbContext db, DailyFeedRunner runner, ICurrentUser user, TimeProvider clock) : IQueryHandler<Command, DailyFeedRun>
    {
        public async ValueTask<DailyFeedRun> Handle(Command command, CancellationToken cancellationToken)
        {
            DailyFeedRun run;
            try
            {
                run = await runner.RunAsync(cancellationToken);
            }
            catch (Exception failure) when (failure is not Domain.Common.DomainRuleException)
            {
                // A run that broke part way may have sent requests already: the attempt is audited all the same.
                db.ChangeTracker.Clear();
                db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.UserId, "RunDailyFeed: failed part way", null, user.CorrelationId));
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }

            db.AuditEntries.Add(new AuditEntry(
                clock.GetUtcNow().UtcDateTime, user.UserId, $"RunDailyFeed: {run.Sent} sent, {run.Purged} purged, {run.Failed} not accepted{(run.Stopped ? ", stopped" : "")}", null, user.CorrelationId));
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
    }
}
