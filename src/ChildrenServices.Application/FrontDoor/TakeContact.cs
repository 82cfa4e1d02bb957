using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>A front-door practitioner takes a contact from the queue (or hands it back).</summary>
public static class TakeContact
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        /// <summary>False: put it back in the queue unassigned.</summary>
        public bool Take { get; init; } = true;
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            if (!command.Take && contact.AssignedToId != user.UserId)
            {
                throw new ForbiddenException("Only the practitioner holding a contact can hand it back");
            }

            contact.AssignTo(command.Take ? user.UserId : null);
            return Unit.Value;
        }
    }
}
