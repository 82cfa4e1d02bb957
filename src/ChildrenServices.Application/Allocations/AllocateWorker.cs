using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>
/// A manager allocates a child to a worker in one of their teams, as lead or co-worker. A new lead
/// replaces the old one (the old allocation ends the day before); co-workers stay alongside.
/// </summary>
public static class AllocateWorker
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? WorkerId { get; init; }

        public AllocationRole Role { get; init; } = AllocationRole.Lead;
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
            var team = await db.Teams
                .Where(t => t.ManagerId == me && t.Members.Any(m => m.UserId == workerId))
                .OrderBy(t => t.Name).FirstAsync(cancellationToken);
            var today = UkTime.Today(clock);

            if (command.Role == AllocationRole.Lead)
            {
                var currentLeads = await db.Allocations
                    .Where(a => a.ChildId == command.PersonId && a.EndedOn == null && a.Role == AllocationRole.Lead)
                    .ToListAsync(cancellationToken);
                foreach (var lead in currentLeads)
                {
                    lead.End(lead.StartedOn < today ? today.AddDays(-1) : today);
                }
            }

            db.Allocations.Add(new Allocation(command.PersonId, workerId, team.Id, command.Role, today, me));
            return Unit.Value;
        }
    }
}

public static class EndAllocation
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command(Guid PersonId, Guid AllocationId) : ICommand, IPersonScoped, IAudited;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var allocation = await db.Allocations.SingleOrDefaultAsync(a => a.Id == command.AllocationId && a.ChildId == command.PersonId && a.EndedOn == null, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            allocation.End(UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

/// <summary>Workers a manager can allocate to: the members of the teams they manage, with their caseloads.</summary>
public static class ListAllocatableWorkers
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query : IQuery<IReadOnlyList<Option>>;

    public sealed record Option(Guid Id, string Name, string TeamName, int Caseload, int Capacity);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Option>>
    {
        public async ValueTask<IReadOnlyList<Option>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var members = await db.Teams.Where(t => t.ManagerId == me)
                .SelectMany(t => t.Members, (t, m) => new { t.Name, t.CaseloadCapacityPerWorker, m.UserId })
                .ToListAsync(cancellationToken);
            var ids = members.Select(m => m.UserId).Distinct().ToList();
            var staff = await db.Staff.Where(s => ids.Contains(s.Id) && !s.IsDisabled)
                .Select(s => new { s.Id, s.DisplayName }).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var caseloads = await db.Allocations.Where(a => ids.Contains(a.WorkerId) && a.EndedOn == null)
                .GroupBy(a => a.WorkerId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            return [.. members.Where(m => staff.ContainsKey(m.UserId))
                .Select(m => new Option(m.UserId, staff[m.UserId], m.Name, caseloads.GetValueOrDefault(m.UserId), m.CaseloadCapacityPerWorker))
                .OrderBy(o => o.TeamName).ThenBy(o => o.Name)];
        }
    }
}
