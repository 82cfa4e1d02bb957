using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Hide a child from everyone not on the allow-list. The manager restricting it, and everyone responsible
/// for the child (<see cref="RecordKeepers"/>), are always on the list, so a restriction never locks out the
/// team that holds the case.
/// </summary>
public static class RestrictRecord
{
    [RequiresPermission(Permission.RestrictRecords)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public RestrictionReason? Reason { get; init; }

        public List<Guid> AllowedUserIds { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.Reason).NotNull().WithMessage("Select why the record is restricted").IsInEnum();
            RuleFor(c => c.AllowedUserIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Staff.CountAsync(s => ids.Contains(s.Id) && !s.IsDisabled, ct) == ids.Distinct().Count())
                .WithMessage("Choose people who have active accounts");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, RestrictionSettings settings) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            var today = UkTime.Today(clock);

            // Those responsible for the child keep access whatever the list says; otherwise restricting would strand the case.
            var keepers = await RecordKeepers.ForAsync(db, command.PersonId, cancellationToken);
            var allowed = command.AllowedUserIds.Concat(keepers).Append(user.RequireUserId());
            person.Restrict(command.Reason!.Value, today, today.AddDays(settings.ReviewEveryDays), allowed);
            return Unit.Value;
        }
    }
}
