using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Hide a child from everyone not on the allow-list. The manager restricting it is always on the list,
/// so nobody can lock themselves out of a record they are responsible for.
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

            // Those already working with the child keep access; otherwise restricting would strand the case.
            var holders = await db.Allocations.Where(a => a.ChildId == command.PersonId && a.EndedOn == null).Select(a => a.WorkerId).ToListAsync(cancellationToken);
            var allowed = command.AllowedUserIds.Concat(holders).Append(user.RequireUserId());
            person.Restrict(command.Reason!.Value, today, today.AddDays(settings.ReviewEveryDays), allowed);
            return Unit.Value;
        }
    }
}

/// <summary>Local setting: how often a restriction is reviewed (domain.md suggests every 90 days).</summary>
public sealed class RestrictionSettings
{
    public int ReviewEveryDays { get; set; } = 90;
}

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
