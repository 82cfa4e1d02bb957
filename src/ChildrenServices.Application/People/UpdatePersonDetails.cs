using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>Change a person's characteristics and identifiers. A stale edit is refused, naming who changed the record.</summary>
public static class UpdatePersonDetails
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : PersonDetailsInput, ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) => Include(new PersonDetailsValidator(clock));
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            person.UpdateDetails(command.ToDetails(UkTime.Today(clock)));
            return Unit.Value;
        }
    }
}
