using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Record a worry about a child as it reached the front door. Returns the new contact's id.</summary>
public static class RecordContact
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ContactDetailsInput, ICommand<Guid>, IAudited
    {
        /// <summary>Started from a child's record: the child is on the contact from the start.</summary>
        public Guid? ChildId { get; init; }

        /// <summary>The recorder takes the contact (the usual case for a phone consultation).</summary>
        public bool AssignToMe { get; init; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, RecordAccess access)
        {
            Include(new ContactDetailsValidator(clock));
            RuleFor(c => c.ChildId)
                .MustAsync(async (id, ct) => await access.CanSeeAsync(id!.Value, ct)).When(c => c.ChildId is not null)
                .WithMessage("Choose the child from the search results");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, WorkingDayCalendar calendar) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = command.ReceivedAtUtc();
            var contact = Contact.Record(
                await ContactReferences.NewAsync(db, cancellationToken), command.Route!.Value, received, FrontDoorClock.DecisionDueUtc(received, calendar),
                command.ToReferrer(), command.ToAccount(), command.Consent!.Value, command.ConsentOverrideReason, command.Urgency!.Value, user.UserId, clock.GetUtcNow().UtcDateTime);
            if (command.ChildId is { } childId)
            {
                contact.LinkPerson(childId, ContactPersonRole.Child);
            }

            if (command.AssignToMe)
            {
                contact.AssignTo(user.UserId);
            }

            db.Contacts.Add(contact);
            return contact.Id;
        }
    }
}
