using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// Begin a public online request: a new server-side draft whose random id is the only thing the
/// browser holds. Drafts past their expiry are deleted here, so nobody's half-typed worry about a
/// child sits in the database longer than a day.
/// </summary>
public static class StartOnlineRequest
{
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromHours(24);

    [AllowPublic]
    public sealed record Command : ICommand<Guid>;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OnlineRequestDrafts.Where(d => d.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
            var draft = new OnlineRequestDraft(now, DraftLifetime);
            db.OnlineRequestDrafts.Add(draft);
            return draft.Id;
        }
    }
}
