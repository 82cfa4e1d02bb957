using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>A manager gives a contact to a practitioner in a front-door team.</summary>
public static class AssignContact
{
    [RequiresPermission(Permission.AssignContacts)]
    public sealed record Command : ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }

        public Guid? AssigneeId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.AssigneeId).NotNull().WithMessage("Select who will hold the contact");
            RuleFor(c => c.AssigneeId)
                .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Kind == Domain.Teams.TeamKind.FrontDoor && t.IsActive && t.Members.Any(m => m.UserId == id), ct))
                .When(c => c.AssigneeId is not null)
                .WithMessage("Select a member of a front door team");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            contact.AssignTo(command.AssigneeId);
            return Unit.Value;
        }
    }
}
