using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

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
            var seen = access.Sees<TransferChild>(c => c.ChildId);
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-28);
            var myTeams = db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id);
            var rows = await db.CaseTransfers.AsNoTracking()
                .Where(t => t.Children.AsQueryable().All(seen)
                    && ((t.Status == TransferStatus.Pending && myTeams.Contains(t.ToTeamId))
                        || (myTeams.Contains(t.FromTeamId) && (t.Status == TransferStatus.Pending || t.DecidedAtUtc >= since))))
                .OrderBy(t => t.RequestedAtUtc)
                .Select(t => new
                {
                    t.Id, t.RequestedAtUtc, t.Status, t.DeclineReason,
                    // Which way it goes for this manager, worked out in the same statement.
                    ToMine = myTeams.Contains(t.ToTeamId),
                    FromMine = myTeams.Contains(t.FromTeamId),
                    From = db.Teams.Where(x => x.Id == t.FromTeamId).Select(x => x.Name).First(),
                    To = db.Teams.Where(x => x.Id == t.ToTeamId).Select(x => x.Name).First(),
                    By = db.Staff.Where(s => s.Id == t.RequestedById).Select(s => s.DisplayName).First(),
                    Children = t.Children.Join(db.People, c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList(),
                })
                .AsSplitQuery().ToListAsync(cancellationToken);
            return new Result(
                rows.Where(r => r.Status == TransferStatus.Pending && r.ToMine).Select(r => new Row(r.Id, string.Join(", ", r.Children), r.From, r.To, r.By, r.RequestedAtUtc, r.Status, r.DeclineReason)).ToList(),
                rows.Where(r => r.FromMine).Select(r => new Row(r.Id, string.Join(", ", r.Children), r.From, r.To, r.By, r.RequestedAtUtc, r.Status, r.DeclineReason)).ToList());
        }
    }
}
