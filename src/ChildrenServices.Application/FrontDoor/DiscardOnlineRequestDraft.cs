using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Throw a draft away: the requester gave up, or a bot filled the honeypot.</summary>
public static class DiscardOnlineRequestDraft
{
    [AllowPublic]
    public sealed record Command(Guid DraftId) : ICommand;

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.OnlineRequestDrafts.Where(d => d.Id == command.DraftId).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
