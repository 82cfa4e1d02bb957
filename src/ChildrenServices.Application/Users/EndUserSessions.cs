using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>
/// An administrator ends every session a colleague has (a lost laptop, a phone signed in somewhere it should not be):
/// each is refused at its next request. The account itself stays as it was.
/// </summary>
public static class EndUserSessions
{
    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Command(Guid UserId) : ICommand, IAuditsChanges;

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Staff.AnyAsync(s => s.Id == command.UserId, cancellationToken))
            {
                throw new NotFoundException("Page not found");
            }

            await accounts.EndSessionsAsync(command.UserId, SessionEnd.EndedByAdministrator, cancellationToken);
            return Unit.Value;
        }
    }
}
