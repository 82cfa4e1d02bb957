using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Reviews;

/// <summary>
/// A manager allocates the child's independent reviewing officer (regulation 45 of the Care Planning
/// regulations): the officer who chairs the child's looked-after reviews and child protection review
/// conferences. A new officer ends the last one's allocation the day before (or today, if it started today).
/// </summary>
public static class AllocateReviewingOfficer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? OfficerId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, IUserAccounts accounts)
        {
            RuleFor(c => c.OfficerId).NotNull().WithMessage("Select the independent reviewing officer");
            RuleFor(c => c.OfficerId)
                .MustAsync(async (id, ct) =>
                    (await accounts.UsersInRolesAsync([Roles.ReviewingOfficer], ct)).Contains(id!.Value)
                    && await db.Staff.AnyAsync(s => s.Id == id && !s.IsDisabled, ct))
                .When(c => c.OfficerId is not null)
                .WithMessage("Select an independent reviewing officer from the list");
            RuleFor(c => c.OfficerId)
                .MustAsync(async (c, id, ct) => !await db.ReviewingOfficerAllocations.AnyAsync(a => a.ChildId == c.PersonId && a.OfficerId == id && a.EndedOn == null, ct))
                .When(c => c.OfficerId is not null)
                .WithMessage("This reviewing officer is already allocated to the child");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.People.AnyAsync(p => p.Id == command.PersonId && p.Type == PersonType.Child, cancellationToken))
            {
                throw new NotFoundException("Page not found");
            }

            var today = UkTime.Today(clock);
            foreach (var current in await db.ReviewingOfficerAllocations.Where(a => a.ChildId == command.PersonId && a.EndedOn == null).ToListAsync(cancellationToken))
            {
                current.End(current.StartedOn < today ? today.AddDays(-1) : today);
            }

            db.ReviewingOfficerAllocations.Add(new ReviewingOfficerAllocation(command.PersonId, command.OfficerId!.Value, today, user.RequireUserId()));
            return Unit.Value;
        }
    }
}
