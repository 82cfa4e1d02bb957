using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>Which of the teams the current manager runs holds the child, and who would move with them.</summary>
internal static class TransferScope
{
    /// <summary>
    /// The team holding the child (the lead's team, see <see cref="RecordAccess.HoldingTeamIds"/>) if the current
    /// manager runs it. A co-worker's team does not hold the case, so its manager cannot transfer it.
    /// </summary>
    public static async Task<Guid?> SendingTeamAsync(IAppDbContext db, Guid managerId, Guid childId, CancellationToken ct)
    {
        var holding = RecordAccess.HoldingTeamIds(db, childId);
        return await db.Teams.Where(t => holding.Contains(t.Id) && t.ManagerId == managerId)
            .OrderBy(t => t.Name).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Brothers and sisters the same team holds: they may move with the child.</summary>
    public static async Task<List<Guid>> SiblingsHeldByAsync(IAppDbContext db, RecordAccess access, Guid childId, Guid teamId, CancellationToken ct)
    {
        var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
        var visible = access.VisibleIds();
        return await db.Relationships
            .Where(r => r.EndedOn == null && siblingKinds.Contains(r.Kind) && (r.PersonId == childId || r.RelatedPersonId == childId))
            .Select(r => r.PersonId == childId ? r.RelatedPersonId : r.PersonId)
            .Where(id => visible.Contains(id) && db.Allocations.Any(a => a.ChildId == id && a.TeamId == teamId && a.EndedOn == null))
            .Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// The children of an open early help episode the team holds: one family, one plan, so they move
    /// together.
    /// </summary>
    public static async Task<List<Guid>> FamilyInEpisodeAsync(IAppDbContext db, Guid childId, Guid teamId, CancellationToken ct) =>
        await db.EarlyHelpEpisodes
            .Where(e => e.EndedOn == null && e.TeamId == teamId && e.Children.Any(c => c.ChildId == childId))
            .SelectMany(e => e.Children).Select(c => c.ChildId).Distinct().ToListAsync(ct);
}

/// <summary>What a manager needs to transfer a child: their team holding the case, the other teams, and who moves too.</summary>
public static class GetTransferOptions
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Option(Guid Id, string Name);

    public sealed record Result(Option? FromTeam, IReadOnlyList<Option> Teams, IReadOnlyList<Option> Siblings, IReadOnlyList<Option> FamilyInEpisode, string? PendingTo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var pending = await db.CaseTransfers.Where(t => t.Status == TransferStatus.Pending && t.Children.Any(c => c.ChildId == query.PersonId))
                .Select(t => db.Teams.Where(x => x.Id == t.ToTeamId).Select(x => x.Name).First()).FirstOrDefaultAsync(cancellationToken);
            var from = await TransferScope.SendingTeamAsync(db, me, query.PersonId, cancellationToken);
            if (from is null)
            {
                return new Result(null, [], [], [], pending);
            }

            var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new Option(t.Id, t.Name)).ToListAsync(cancellationToken);
            var family = await TransferScope.FamilyInEpisodeAsync(db, query.PersonId, from.Value, cancellationToken);
            var siblings = (await TransferScope.SiblingsHeldByAsync(db, access, query.PersonId, from.Value, cancellationToken)).Except(family).ToList();
            var ids = siblings.Concat(family).Where(id => id != query.PersonId).ToList();
            var names = await db.People.Where(p => ids.Contains(p.Id)).OrderBy(p => p.GivenNames)
                .Select(p => new Option(p.Id, p.GivenNames + " " + p.FamilyName)).ToListAsync(cancellationToken);
            return new Result(
                teams.Single(t => t.Id == from),
                teams.Where(t => t.Id != from).ToList(),
                names.Where(n => siblings.Contains(n.Id)).ToList(),
                names.Where(n => family.Contains(n.Id)).ToList(),
                pending);
        }
    }
}

/// <summary>
/// A manager of the team holding a child transfers the case to another team with a handover note. The
/// sending team keeps the case until the receiving team accepts and allocates, so the family is never
/// without a worker. Siblings the team holds may come too; an early help family moves as one.
/// </summary>
public static class TransferCase
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? ToTeamId { get; init; }

        public List<Guid> SiblingIds { get; init; } = [];

        public string? HandoverNote { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.ToTeamId).NotNull().WithMessage("Select the team the case transfers to");
            RuleFor(c => c.ToTeamId)
                .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.ManagerId != null, ct))
                .When(c => c.ToTeamId is not null).WithMessage("Select an active team with a manager");
            RuleFor(c => c.HandoverNote).NotEmpty().WithMessage("Write the handover note for the new team")
                .MaximumLength(CaseTransfer.TextLimit).WithMessage("The handover note must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var from = await TransferScope.SendingTeamAsync(db, me, command.PersonId, cancellationToken)
                ?? throw new DomainRuleException("Only a manager of a team holding the case can transfer it", "ToTeamId");
            var siblings = await TransferScope.SiblingsHeldByAsync(db, access, command.PersonId, from, cancellationToken);
            var family = await TransferScope.FamilyInEpisodeAsync(db, command.PersonId, from, cancellationToken);
            if (command.SiblingIds.Except(siblings).Except(family).Any())
            {
                throw new DomainRuleException("Choose only brothers and sisters your team holds", "SiblingIds");
            }

            var children = new[] { command.PersonId }.Concat(command.SiblingIds).Concat(family).Distinct().ToList();
            if (await db.CaseTransfers.AnyAsync(t => t.Status == TransferStatus.Pending && t.Children.Any(c => children.Contains(c.ChildId)), cancellationToken))
            {
                throw new DomainRuleException("A transfer for this family is already waiting for the receiving team", "ToTeamId");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var transfer = new CaseTransfer(from, command.ToTeamId!.Value, children, command.HandoverNote!, me, now);
            db.CaseTransfers.Add(transfer);
            var to = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => new { t.Name, t.ManagerId }).SingleAsync(cancellationToken);
            if (to.ManagerId is { } managerId && managerId != me)
            {
                db.Notifications.Add(new Notification(managerId, $"A case is transferring to {to.Name}: read the handover and allocate", $"/Transfers/{transfer.Id}", false, now));
            }

            return transfer.Id;
        }
    }
}

/// <summary>A transfer as the receiving manager reads it: the handover, and their team's workers with caseloads.</summary>
public static class GetTransfer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid TransferId) : IQuery<Result>;

    public sealed record Child(Guid Id, string Name);

    public sealed record Worker(Guid Id, string Name, int Caseload, int Capacity);

    public sealed record Result(
        Guid Id, Guid Version, IReadOnlyList<Child> Children, string FromTeam, string ToTeam, string HandoverNote, string RequestedBy, DateTime RequestedAtUtc,
        TransferStatus Status, string? DecidedBy, string? NewWorker, string? DeclineReason, bool CanDecide, IReadOnlyList<Worker> Workers);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var t = await db.CaseTransfers.AsNoTracking().Include(x => x.Children).SingleOrDefaultAsync(x => x.Id == query.TransferId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var manages = await db.Teams.Where(x => (x.Id == t.ToTeamId || x.Id == t.FromTeamId) && x.ManagerId == me).Select(x => x.Id).ToListAsync(cancellationToken);
            if (manages.Count == 0)
            {
                throw new NotFoundException("Page not found");
            }

            foreach (var child in t.Children)
            {
                if (!await access.CanSeeAsync(child.ChildId, cancellationToken))
                {
                    throw new NotFoundException("Page not found");
                }
            }

            var childIds = t.Children.Select(c => c.ChildId).ToList();
            var children = await db.People.Where(p => childIds.Contains(p.Id)).OrderBy(p => p.GivenNames)
                .Select(p => new Child(p.Id, p.GivenNames + " " + p.FamilyName)).ToListAsync(cancellationToken);
            var teams = await db.Teams.Where(x => x.Id == t.FromTeamId || x.Id == t.ToTeamId)
                .Select(x => new { x.Id, x.Name, x.CaseloadCapacityPerWorker, Members = x.Members.Select(m => m.UserId).ToList(), x.ManagerId })
                .ToDictionaryAsync(x => x.Id, cancellationToken);
            var people = new[] { t.RequestedById, t.DecidedById ?? Guid.Empty, t.NewWorkerId ?? Guid.Empty }.Concat(teams[t.ToTeamId].Members).Distinct().ToList();
            var staff = await db.Staff.Where(s => people.Contains(s.Id)).Select(s => new { s.Id, s.DisplayName, s.IsDisabled }).ToDictionaryAsync(s => s.Id, cancellationToken);
            var canDecide = t.Status == TransferStatus.Pending && manages.Contains(t.ToTeamId);
            var workers = new List<Worker>();
            if (canDecide)
            {
                var memberIds = teams[t.ToTeamId].Members.Where(id => staff.TryGetValue(id, out var s) && !s.IsDisabled).ToList();
                var caseloads = await db.Allocations.Where(a => memberIds.Contains(a.WorkerId) && a.EndedOn == null)
                    .GroupBy(a => a.WorkerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                workers = [.. memberIds.Select(id => new Worker(id, staff[id].DisplayName, caseloads.GetValueOrDefault(id), teams[t.ToTeamId].CaseloadCapacityPerWorker)).OrderBy(w => w.Name)];
            }

            string? NameOf(Guid? id) => id is { } x && staff.TryGetValue(x, out var s) ? s.DisplayName : null;
            return new Result(t.Id, t.Version, children, teams[t.FromTeamId].Name, teams[t.ToTeamId].Name, t.HandoverNote, NameOf(t.RequestedById) ?? "Unknown", t.RequestedAtUtc,
                t.Status, NameOf(t.DecidedById), NameOf(t.NewWorkerId), t.DeclineReason, canDecide, workers);
        }
    }
}

/// <summary>
/// The receiving manager accepts and names the worker. The sending team's allocations end today and
/// the new worker starts today in the same role (lead for lead, co-worker for co-worker); an open
/// referral and an early help episode the sending team held move with the case.
/// </summary>
public static class AcceptTransfer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand<string>, IAudited, IVersioned
    {
        public Guid TransferId { get; init; }

        public Guid Version { get; init; }

        public Guid? WorkerId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.WorkerId).NotNull().WithMessage("Select the worker who will hold the case");
            RuleFor(c => c.WorkerId)
                .MustAsync(async (c, id, ct) => await db.CaseTransfers.AnyAsync(t => t.Id == c.TransferId && db.Teams.Any(x => x.Id == t.ToTeamId && x.Members.Any(m => m.UserId == id)), ct)
                    && await db.Staff.AnyAsync(s => s.Id == id && !s.IsDisabled, ct))
                .When(c => c.WorkerId is not null).WithMessage("Select a worker in the receiving team");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var transfer = await TransferDecision.LoadAsync(db, access, command.TransferId, command.Version, cancellationToken);
            var manages = await db.Teams.AnyAsync(t => t.Id == transfer.ToTeamId && t.ManagerId == me, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var worker = command.WorkerId!.Value;
            transfer.Accept(worker, me, manages, now);

            var today = UkTime.Today(clock);
            var childIds = transfer.Children.Select(c => c.ChildId).ToList();
            var allocations = await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.EndedOn == null).ToListAsync(cancellationToken);
            foreach (var childId in childIds)
            {
                var sending = allocations.Where(a => a.ChildId == childId && a.TeamId == transfer.FromTeamId).ToList();
                var role = sending.Count == 0 || sending.Any(a => a.Role == AllocationRole.Lead) ? AllocationRole.Lead : AllocationRole.CoWorker;
                foreach (var allocation in sending)
                {
                    allocation.End(today);
                }

                if (role == AllocationRole.Lead)
                {
                    foreach (var lead in allocations.Where(a => a.ChildId == childId && a.Role == AllocationRole.Lead && !sending.Contains(a)))
                    {
                        lead.BecomeCoWorker();
                    }
                }

                var existing = allocations.FirstOrDefault(a => a.ChildId == childId && a.WorkerId == worker && !sending.Contains(a));
                if (existing is null)
                {
                    db.Allocations.Add(new Allocation(childId, worker, transfer.ToTeamId, role, today, me));
                }
                else if (role == AllocationRole.Lead)
                {
                    existing.BecomeLead();
                }
            }

            foreach (var referral in await db.Referrals.Where(r => childIds.Contains(r.ChildId) && r.Status == Domain.SocialCare.ReferralStatus.Open && r.TeamId == transfer.FromTeamId).ToListAsync(cancellationToken))
            {
                referral.TransferTo(transfer.ToTeamId);
            }

            foreach (var episode in await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.TeamId == transfer.FromTeamId && e.Children.Any(c => childIds.Contains(c.ChildId))).ToListAsync(cancellationToken))
            {
                episode.TransferTo(transfer.ToTeamId, worker);
            }

            var names = await db.Staff.Where(s => s.Id == worker).Select(s => s.DisplayName).SingleAsync(cancellationToken);
            var team = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => t.Name).SingleAsync(cancellationToken);
            if (transfer.RequestedById != me)
            {
                db.Notifications.Add(new Notification(transfer.RequestedById, $"Transfer accepted by {team}: {names} now holds the case", $"/People/{childIds[0]}/Allocations", false, now));
            }

            return $"Transfer accepted: {names} now holds the case in {team}.";
        }
    }
}

/// <summary>The receiving manager declines with a reason; the sending team keeps the case and is told why.</summary>
public static class DeclineTransfer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IAudited, IVersioned
    {
        public Guid TransferId { get; init; }

        public Guid Version { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the transfer is declined")
                .MaximumLength(CaseTransfer.TextLimit).WithMessage("The reason must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var transfer = await TransferDecision.LoadAsync(db, access, command.TransferId, command.Version, cancellationToken);
            var manages = await db.Teams.AnyAsync(t => t.Id == transfer.ToTeamId && t.ManagerId == me, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            transfer.Decline(command.Reason!, me, manages, now);
            var team = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => t.Name).SingleAsync(cancellationToken);
            if (transfer.RequestedById != me)
            {
                db.Notifications.Add(new Notification(transfer.RequestedById, $"Transfer declined by {team}: your team keeps the case", $"/People/{transfer.Children[0].ChildId}/Allocations", false, now));
            }

            return Unit.Value;
        }
    }
}

internal static class TransferDecision
{
    public static async Task<CaseTransfer> LoadAsync(IAppDbContext db, RecordAccess access, Guid transferId, Guid version, CancellationToken ct)
    {
        var transfer = await db.CaseTransfers.Include(t => t.Children).SingleOrDefaultAsync(t => t.Id == transferId, ct)
            ?? throw new NotFoundException("Page not found");
        foreach (var child in transfer.Children)
        {
            if (!await access.CanSeeAsync(child.ChildId, ct))
            {
                throw new NotFoundException("Page not found");
            }
        }

        db.ExpectVersion(transfer, version);
        return transfer;
    }
}

/// <summary>A manager's transfers: coming to their teams (waiting for them), and sent from their teams lately.</summary>
public static class GetTeamTransfers
{
    [RequiresPermission(Permission.ViewTeamWork)]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(Guid Id, string Children, string FromTeam, string ToTeam, string RequestedBy, DateTime RequestedAtUtc, TransferStatus Status, string? DeclineReason);

    public sealed record Result(IReadOnlyList<Row> Incoming, IReadOnlyList<Row> Sent);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var visible = access.VisibleIds();
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-28);
            var myTeams = db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id);
            var rows = await db.CaseTransfers.AsNoTracking()
                .Where(t => t.Children.All(c => visible.Contains(c.ChildId))
                    && ((t.Status == TransferStatus.Pending && myTeams.Contains(t.ToTeamId))
                        || (myTeams.Contains(t.FromTeamId) && (t.Status == TransferStatus.Pending || t.DecidedAtUtc >= since))))
                .OrderBy(t => t.RequestedAtUtc)
                .Select(t => new
                {
                    t.Id, t.FromTeamId, t.ToTeamId, t.RequestedAtUtc, t.Status, t.DeclineReason,
                    From = db.Teams.Where(x => x.Id == t.FromTeamId).Select(x => x.Name).First(),
                    To = db.Teams.Where(x => x.Id == t.ToTeamId).Select(x => x.Name).First(),
                    By = db.Staff.Where(s => s.Id == t.RequestedById).Select(s => s.DisplayName).First(),
                    Children = t.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList(),
                })
                .AsSplitQuery().ToListAsync(cancellationToken);
            var mine = await myTeams.ToListAsync(cancellationToken);
            return new Result(
                rows.Where(r => r.Status == TransferStatus.Pending && mine.Contains(r.ToTeamId)).Select(r => new Row(r.Id, string.Join(", ", r.Children), r.From, r.To, r.By, r.RequestedAtUtc, r.Status, r.DeclineReason)).ToList(),
                rows.Where(r => mine.Contains(r.FromTeamId)).Select(r => new Row(r.Id, string.Join(", ", r.Children), r.From, r.To, r.By, r.RequestedAtUtc, r.Status, r.DeclineReason)).ToList());
        }
    }
}

/// <summary>Everyone who has held the child's case, and every transfer with its handover note: the record for ever.</summary>
public static class GetAllocationHistory
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record AllocationRow(string Worker, string Team, AllocationRole Role, DateOnly StartedOn, DateOnly? EndedOn, string AllocatedBy);

    public sealed record TransferRow(Guid Id, string FromTeam, string ToTeam, string RequestedBy, DateTime RequestedAtUtc, string HandoverNote, TransferStatus Status, string? DecidedBy, DateTime? DecidedAtUtc, string? NewWorker, string? DeclineReason);

    public sealed record Result(IReadOnlyList<AllocationRow> Allocations, IReadOnlyList<TransferRow> Transfers);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var allocations = await db.Allocations.AsNoTracking().Where(a => a.ChildId == query.PersonId)
                .OrderByDescending(a => a.StartedOn).ThenBy(a => a.Role)
                .Select(a => new AllocationRow(
                    db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).First(),
                    db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).First(),
                    a.Role, a.StartedOn, a.EndedOn,
                    db.Staff.Where(s => s.Id == a.AllocatedById).Select(s => s.DisplayName).First()))
                .ToListAsync(cancellationToken);
            var transfers = await db.CaseTransfers.AsNoTracking().Where(t => t.Children.Any(c => c.ChildId == query.PersonId))
                .OrderByDescending(t => t.RequestedAtUtc)
                .Select(t => new TransferRow(t.Id,
                    db.Teams.Where(x => x.Id == t.FromTeamId).Select(x => x.Name).First(),
                    db.Teams.Where(x => x.Id == t.ToTeamId).Select(x => x.Name).First(),
                    db.Staff.Where(s => s.Id == t.RequestedById).Select(s => s.DisplayName).First(),
                    t.RequestedAtUtc, t.HandoverNote, t.Status,
                    db.Staff.Where(s => s.Id == t.DecidedById).Select(s => s.DisplayName).FirstOrDefault(),
                    t.DecidedAtUtc,
                    db.Staff.Where(s => s.Id == t.NewWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                    t.DeclineReason))
                .ToListAsync(cancellationToken);
            return new Result(allocations, transfers);
        }
    }
}
