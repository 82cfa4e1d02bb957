using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Notifications;

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
