using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Put a child or adult (found by search, or just recorded) on a contact.</summary>
public static class AddPersonToContact
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited
    {
        public Guid ContactId { get; init; }

        public Guid? PersonId { get; init; }

        /// <summary>The online requester's description this person matches, if any.</summary>
        public Guid? ReportedChildId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RecordAccess access)
        {
            RuleFor(c => c.PersonId).NotNull().WithMessage("Choose the person from the search results");
            RuleFor(c => c.PersonId)
                .MustAsync(async (id, ct) => await access.CanSeeAsync(id!.Value, ct)).When(c => c.PersonId is not null)
                .WithMessage("Choose the person from the search results");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.Include(c => c.People).Include(c => c.ReportedChildren).AsSplitQuery()
                .SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            var type = await db.People.Where(p => p.Id == command.PersonId).Select(p => p.Type).SingleAsync(cancellationToken);
            var role = type == PersonType.Child ? ContactPersonRole.Child : ContactPersonRole.Adult;
            if (command.ReportedChildId is { } reported && role == ContactPersonRole.Child)
            {
                contact.MatchReportedChild(reported, command.PersonId!.Value);
            }
            else
            {
                contact.LinkPerson(command.PersonId!.Value, role);
            }

            // Touch the contact so a second writer sees it changed.
            db.Entry(contact).Property(c => c.Version).IsModified = true;
            return Unit.Value;
        }
    }
}
