using System.Text.Json;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Users;

/// <summary>
/// The history of administrative changes (users, roles, teams, settings, timescales), newest first: who, when, what, and
/// each value before and after (issue 15).
/// </summary>
public static class ListAdministrativeChanges
{
    public const int PageSize = 50;

    [RequiresPermission(Permission.ManageUsers)]
    public sealed record Query(int PageNumber = 1) : IQuery<Result>;

    public sealed record Entry(DateTime OccurredAtUtc, string Who, string Action, IReadOnlyList<AuditedChange> Changes);

    public sealed record Result(IReadOnlyList<Entry> Entries, int Page, int PageCount);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var changes = db.AuditEntries.AsNoTracking().Where(a => a.Changes != null);
            var total = await changes.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.PageNumber, 1, pageCount);
            var rows = await changes.OrderByDescending(a => a.OccurredAtUtc)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .GroupJoin(db.Staff, a => a.UserId, s => s.Id, (a, s) => new { a, s })
                .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.a.OccurredAtUtc, x.a.Action, x.a.Changes, Who = s == null ? "System" : s.DisplayName })
                .ToListAsync(cancellationToken);
            return new Result(
                [.. rows.OrderByDescending(r => r.OccurredAtUtc).Select(r => new Entry(
                    r.OccurredAtUtc, r.Who, People.GetRecordViewers.Describe(r.Action), JsonSerializer.Deserialize<List<AuditedChange>>(r.Changes!) ?? []))],
                page,
                pageCount);
        }
    }
}
