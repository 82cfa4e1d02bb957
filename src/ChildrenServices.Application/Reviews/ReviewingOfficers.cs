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

/// <summary>
/// The child's reviewing officer as the allocation page shows it, and the officers a manager can choose from
/// with how many children each reviews now.
/// </summary>
public static class GetReviewingOfficer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Result(string ChildName, Current? Officer, string? LastChair, IReadOnlyList<Option> Options);

    public sealed record Current(Guid OfficerId, string Name, DateOnly Since);

    public sealed record Option(Guid Id, string Name, int Children);

    public sealed class Handler(IAppDbContext db, IUserAccounts accounts) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var child = await db.People.Where(p => p.Id == query.PersonId && p.Type == PersonType.Child)
                .Select(p => p.GivenNames + " " + p.FamilyName).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var current = await db.ReviewingOfficerAllocations.Where(a => a.ChildId == query.PersonId && a.EndedOn == null)
                .Join(db.Staff, a => a.OfficerId, s => s.Id, (a, s) => new Current(s.Id, s.DisplayName, a.StartedOn))
                .FirstOrDefaultAsync(cancellationToken);
            var lastChair = await ReviewingOfficerChairs.LastChairsAsync(db, [query.PersonId], cancellationToken);
            var chairName = lastChair.TryGetValue(query.PersonId, out var chairId)
                ? await db.Staff.Where(s => s.Id == chairId).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken)
                : null;

            var officers = await accounts.UsersInRolesAsync([Roles.ReviewingOfficer], cancellationToken);
            var counts = await db.ReviewingOfficerAllocations.Where(a => a.EndedOn == null && officers.Contains(a.OfficerId))
                .GroupBy(a => a.OfficerId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var options = await db.Staff.Where(s => officers.Contains(s.Id) && !s.IsDisabled).OrderBy(s => s.DisplayName)
                .Select(s => new { s.Id, s.DisplayName }).ToListAsync(cancellationToken);
            return new Result(child, current, chairName, [.. options.Select(o => new Option(o.Id, o.DisplayName, counts.GetValueOrDefault(o.Id)))]);
        }
    }
}

/// <summary>
/// Who chaired each child's last review or conference: the fallback when no reviewing officer is allocated
/// (children reviewed before allocation existed). The latest of the last looked-after review, the last child
/// protection review conference and the initial child protection conference wins.
/// </summary>
internal static class ReviewingOfficerChairs
{
    public static async Task<Dictionary<Guid, Guid>> LastChairsAsync(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var held = new List<(Guid Child, DateOnly On, Guid Chair)>();
        held.AddRange((await db.PeriodsOfCare.Where(p => childIds.Contains(p.ChildId)).SelectMany(p => p.Reviews, (p, r) => new { p.ChildId, r.HeldOn, r.ReviewingOfficerId })
            .ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ReviewingOfficerId)));
        held.AddRange((await db.ChildProtectionPlans.Where(p => childIds.Contains(p.ChildId)).SelectMany(p => p.Reviews, (p, r) => new { p.ChildId, r.HeldOn, r.ChairId })
            .ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ChairId)));
        held.AddRange((await db.ChildProtectionEnquiries.Where(e => childIds.Contains(e.ChildId) && e.ChairId != null && e.ConferenceHeldOn != null)
            .Select(e => new { e.ChildId, HeldOn = e.ConferenceHeldOn!.Value, ChairId = e.ChairId!.Value }).ToListAsync(ct)).Select(r => (r.ChildId, r.HeldOn, r.ChairId)));
        return held.GroupBy(h => h.Child).ToDictionary(g => g.Key, g => g.MaxBy(h => h.On).Chair);
    }
}
