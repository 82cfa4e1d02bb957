using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>
/// A manager allocates a child to a worker in one of their teams, as lead or co-worker. A new lead
/// replaces the old one (the old allocation ends the day before); co-workers stay alongside. Only the
/// team holding the case (or the team its open referral went to) can give it a new lead: another team's
/// manager may add a co-worker, and moves the case only by a transfer with its handover. The child's
/// case (<see cref="ChildCase"/>) keeps the rule; a unique index refuses a second lead from a racing request.
/// </summary>
public static class AllocateWorker
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? WorkerId { get; init; }

        public AllocationRole Role { get; init; } = AllocationRole.Lead;

        /// <summary>Why the lead changes (SSDA903 SW_REASON): required when a lead is replaced; first contact by default when there is none.</summary>
        public string? LeadReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, ICurrentUser user)
        {
            RuleFor(c => c.WorkerId).NotNull().WithMessage("Select the worker to allocate");
            RuleFor(c => c.WorkerId)
                .MustAsync(async (id, ct) =>
                {
                    var me = user.UserId ?? Guid.Empty;
                    return await db.Teams.AnyAsync(t => t.ManagerId == me && t.Members.Any(m => m.UserId == id), ct)
                        && await db.Staff.AnyAsync(s => s.Id == id && !s.IsDisabled, ct);
                })
                .When(c => c.WorkerId is not null)
                .WithMessage("Select a worker from one of the teams you manage");
            RuleFor(c => c.Role).IsInEnum().WithMessage("Select lead worker or co-worker");
            RuleFor(c => c.LeadReason).Must(code => Domain.Codes.Ssda903Codes.SocialWorkerChangeReason.Contains(code!))
                .When(c => c.Role == AllocationRole.Lead && !string.IsNullOrEmpty(c.LeadReason)).WithMessage("Select a reason for the change of lead worker from the list");
            RuleFor(c => c.WorkerId)
                .MustAsync(async (c, id, ct) => !await db.Allocations.AnyAsync(a => a.ChildId == c.PersonId && a.WorkerId == id && a.EndedOn == null, ct))
                .When(c => c.WorkerId is not null)
                .WithMessage("This worker is already allocated to the child");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var workerId = command.WorkerId!.Value;
            var childCase = await ChildCases.LoadAsync(db, command.PersonId, cancellationToken);
            var teams = await db.Teams
                .Where(t => t.ManagerId == me && t.Members.Any(m => m.UserId == workerId))
                .OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(cancellationToken);

            // A worker in more than one of the manager's teams is allocated in the team holding the case, if one is.
            var team = teams.FirstOrDefault(t => t == childCase.HoldingTeamId || t == childCase.OpenReferral?.TeamId, teams[0]);
            db.Started(childCase.Allocate(workerId, team, command.Role, UkTime.Today(clock), me, command.LeadReason));
            return Unit.Value;
        }
    }
}
