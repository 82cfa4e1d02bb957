using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Notifications;

/// <summary>The signed-in user's unread alerts, urgent first.</summary>
public static class GetMyNotifications
{
    [AllowAnySignedInUser]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Text, string Link, bool Urgent, DateTime CreatedAtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientId == user.UserId && n.ReadAtUtc == null)
                .OrderByDescending(n => n.Urgent).ThenByDescending(n => n.CreatedAtUtc)
                .Take(20)
                .Select(n => new Row(n.Id, n.Text, n.Link, n.Urgent, n.CreatedAtUtc))
                .ToListAsync(cancellationToken);
    }
}

/// <summary>Open an alert: it is marked read and the user goes where it points.</summary>
public static class OpenNotification
{
    [AllowAnySignedInUser]
    public sealed record Command(Guid NotificationId) : ICommand<string>;

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.RecipientId == user.UserId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            return notification.Link;
        }
    }
}
