using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>The answers in the caller's own draft (known only by its random id); null when missing or expired.</summary>
public static class GetOnlineRequestDraft
{
    [AllowPublic]
    public sealed record Query(Guid DraftId) : IQuery<OnlineRequestAnswers?>;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, OnlineRequestAnswers?>
    {
        public async ValueTask<OnlineRequestAnswers?> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var json = await db.OnlineRequestDrafts.AsNoTracking()
                .Where(d => d.Id == query.DraftId && d.ExpiresAtUtc > now)
                .Select(d => d.Answers)
                .SingleOrDefaultAsync(cancellationToken);
            return json is null ? null : OnlineRequestAnswers.FromJson(json);
        }
    }
}
