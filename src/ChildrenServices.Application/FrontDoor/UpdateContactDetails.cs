using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Correct or complete a contact's details while it waits for a decision.</summary>
public static class UpdateContactDetails
{
    [RequiresPermission(Permission.RecordContacts)]
    public sealed record Command : ContactDetailsInput, ICommand, IContactScoped, IAudited, IVersioned
    {
        public Guid ContactId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) => Include(new ContactDetailsValidator(clock));
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock, WorkingDayCalendar calendar) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == command.ContactId, cancellationToken);
            db.ExpectVersion(contact, command.Version);
            var received = command.ReceivedAtUtc();
            contact.UpdateDetails(command.Route!.Value, received, FrontDoorClock.DecisionDueUtc(received, calendar), command.ToReferrer(), command.ToAccount(),
                command.Consent!.Value, command.ConsentOverrideReason, command.Urgency!.Value, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
