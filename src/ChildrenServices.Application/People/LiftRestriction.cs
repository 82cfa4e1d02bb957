using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

public static class LiftRestriction
{
    [RequiresPermission(Permission.RestrictRecords)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            person.LiftRestriction();
            return Unit.Value;
        }
    }
}
