using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>Everyone who has held the child's case, and every transfer with its handover note: the record for ever.</summary>
public static class GetAllocationHistory
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record AllocationRow(string Worker, string Team, AllocationRole Role, DateOnly StartedOn, DateOnly? EndedOn, string AllocatedBy, string? LeadReason = null,
        Guid Id = default, IReadOnlyList<Recording.GetDateToCorrect.CorrectionRow>? Corrections = null);

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
                    db.Staff.Where(s => s.Id == a.AllocatedById).Select(s => s.DisplayName).First(), a.LeadReason, a.Id, null))
                .ToListAsync(cancellationToken);
            var corrections = await Recording.CorrectionHistory.ForAsync(db, [.. allocations.Select(a => a.Id)], cancellationToken);
            allocations = [.. allocations.Select(a => a with { Corrections = corrections.GetValueOrDefault(a.Id, []) })];
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
