using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

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

            if (await access.FirstHiddenAsync(t.Children.Select(c => c.ChildId).ToList(), cancellationToken) is not null)
            {
                throw new NotFoundException("Page not found");
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
