using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

public static class RemovePersonFromContact
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command(Guid ContactId, Guid PersonId) : ICommand, IContactScoped, IAudited;

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.People).Include(c => c.ReportedChildren).AsSplitQuery()
                .SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            contact.UnlinkPerson(command.PersonId);
            db.Entry(contact).Property(c => c.Version).IsModified = true;
            return Unit.Value;
        }
    }
}
