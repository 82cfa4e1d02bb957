using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns.Feed;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns.Feed;

/// <summary>The daily feed as the officer's page shows it: where it goes, what the destination holds, and the latest requests.</summary>
public static class GetDailyFeed
{
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query : IQuery<Result>;

    /// <param name="Held">Children the destination holds (accepted and not purged).</param>
    public sealed record Result(string Destination, bool WritesFiles, bool LaNumberSet, bool RunsDaily, TimeOnly RunAt, int Held, IReadOnlyList<Send> Sends);

    public sealed record Send(DateTime StartedAtUtc, int Children, int Purges, int Attempts, int? Status, string? Receipt, FeedSendOutcome? Outcome, string? Detail);

    public const int SendsShown = 50;

    public sealed class Handler(IAppDbContext db, IDailyFeedTransport transport, Microsoft.Extensions.Options.IOptions<DailyFeedOptions> options) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var destination = transport.Destination;
            var laNumber = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(cancellationToken);
            var held = await db.FeedChildStates.CountAsync(s => s.Destination == destination && !s.Purged, cancellationToken);
            var sends = await db.FeedSends.AsNoTracking().Where(s => s.Destination == destination)
                .OrderByDescending(s => s.StartedAtUtc).ThenByDescending(s => s.Id).Take(SendsShown)
                .Select(s => new Send(s.StartedAtUtc, s.Children, s.Purges, s.Attempts, s.Status, s.Receipt, s.Outcome, s.Detail))
                .ToListAsync(cancellationToken);
            return new Result(destination, transport.WritesFiles, !string.IsNullOrEmpty(laNumber), options.Value.RunDaily, options.Value.RunAt, held, sends);
        }
    }
}
