using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>
/// A manager moves several children a worker leads — a sibling group, or some of an overloaded caseload — to
/// another worker in the same team, in one go. For each child the current lead allocation ends (the day before,
/// or today if it started today) and the new worker leads from today, in one transaction: either every child
/// moves or none does. The one-lead-per-child rule holds as it does for <see cref="AllocateWorker"/>; a child
/// the new worker already co-works becomes theirs to lead (the co-working allocation ends).
/// </summary>
public static class ReallocateChildren
{
    public const int MaxChildren = 50;

    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IChildrenScoped, IAudited
    {
        public Guid FromWorkerId { get; init; }

        public Guid? ToWorkerId { get; init; }

        public List<Guid> ChildIds { get; init; } = [];

        /// <summary>Why the children's lead worker changes (SSDA903 SW_REASON), the same for every child moved.</summary>
        public string? LeadReason { get; init; }

        IReadOnlyList<Guid> IChildrenScoped.ChildIds => ChildIds;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, ICurrentUser user)
        {
            RuleFor(c => c.ChildIds).NotEmpty().WithMessage("Select the children to move");
            RuleFor(c => c.ChildIds.Count).LessThanOrEqualTo(MaxChildren).OverridePropertyName("ChildIds")
                .WithMessage($"Move at most {MaxChildren} children at once");
            RuleFor(c => c.ToWorkerId).NotNull().WithMessage("Select the worker to move the children to");
            RuleFor(c => c.LeadReason).NotEmpty().WithMessage(ChildCase.Refusals.LeadReasonNeeded);
            RuleFor(c => c.ToWorkerId).NotEqual(c => c.FromWorkerId).When(c => c.ToWorkerId is not null)
                .WithMessage("Select a different worker: these children are already theirs");
            RuleFor(c => c.ToWorkerId)
                .MustAsync(async (c, id, ct) =>
                {
                    var me = user.UserId ?? Guid.Empty;

                    // The new worker must be in a team the manager runs that holds these children: a worker
                    // outside the team would need a transfer (with its handover note) instead.
                    var teams = await db.Allocations
                        .Where(a => c.ChildIds.Contains(a.ChildId) && a.WorkerId == c.FromWorkerId && a.EndedOn == null && a.Role == AllocationRole.Lead)
                        .Select(a => a.TeamId).Distinct().ToListAsync(ct);
                    return teams.Count > 0
                        && await db.Teams.Where(t => teams.Contains(t.Id)).AllAsync(t => t.ManagerId == me && t.Members.Any(m => m.UserId == id), ct)
                        && await db.Staff.AnyAsync(s => s.Id == id && !s.IsDisabled, ct);
                })
                .When(c => c.ToWorkerId is not null && c.ToWorkerId != c.FromWorkerId && c.ChildIds.Count > 0)
                .WithMessage("Select a worker in the team that holds these children");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var childIds = command.ChildIds.Distinct().ToList();
            var toWorker = command.ToWorkerId!.Value;
            var leads = await db.Allocations
                .Where(a => childIds.Contains(a.ChildId) && a.EndedOn == null && a.Role == AllocationRole.Lead)
                .ToListAsync(cancellationToken);
            var myTeams = await db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id).ToListAsync(cancellationToken);

            // Every child must still be led by the worker the manager is looking at, in a team they manage: a
            // child moved by someone else since the page was loaded stops the whole move.
            var notTheirs = childIds.Where(id => !leads.Any(a => a.ChildId == id && a.WorkerId == command.FromWorkerId && myTeams.Contains(a.TeamId))).ToList();
            if (notTheirs.Count > 0)
            {
                throw new Domain.Common.DomainRuleException(
                    notTheirs.Count == 1
                        ? ChildCase.Refusals.NoLongerLedBy
                        : $"{notTheirs.Count} of the children selected are no longer led by this worker in your team: they may have been moved since you opened the page. Nothing was moved.",
                    "ChildIds");
            }

            var today = UkTime.Today(clock);
            foreach (var childCase in (await ChildCases.LoadAsync(db, childIds, cancellationToken)).Values)
            {
                db.Started(childCase.Reallocate(command.FromWorkerId, toWorker, today, me, command.LeadReason));
            }

            return Unit.Value;
        }
    }
}
