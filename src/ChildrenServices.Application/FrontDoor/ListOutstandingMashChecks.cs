using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// Every partner agency check still waiting for an answer, most overdue first, so the MASH chases the
/// right agency. Only contacts still awaiting a decision: once decided, the checks no longer hold anything up.
/// Contacts about a child the user may not see are left out entirely.
/// </summary>
public static class ListOutstandingMashChecks
{
    [RequiresPermission(Permission.ViewFrontDoor)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Row> Rows, int OverdueCount, int DueSoonCount, DateTime NowUtc)
    {
        public int OnTrackCount => Rows.Count - OverdueCount - DueSoonCount;
    }

    public sealed record Row(
        Guid CheckId,
        Guid ContactId,
        string ContactReference,
        PartnerAgency Agency,
        string AgencyText,
        DateTime RequestedAtUtc,
        string RequestedBy,
        DateTime DueAtUtc,
        bool IsOverdue,
        bool IsDueSoon)
    {
        /// <summary>Positive: how long it is overdue. Negative: how long is left.</summary>
        public TimeSpan OverdueBy(DateTime nowUtc) => nowUtc - DueAtUtc;
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var contacts = access.VisibleContacts(db.Contacts).Where(c => c.Status != ContactStatus.Decided);
            var checks = await (
                from m in db.MashChecks.AsNoTracking()
                where m.RespondedAtUtc == null
                join c in contacts on m.ContactId equals c.Id
                join requester in db.Staff on m.RequestedById equals requester.Id
                orderby m.DueAtUtc, c.Reference, m.Id
                select new { m.Id, m.ContactId, c.Reference, m.Agency, m.AgencyName, m.RequestedAtUtc, RequestedBy = requester.DisplayName, m.DueAtUtc })
                .ToListAsync(cancellationToken);

            var rows = checks.Select(m => new Row(
                m.Id, m.ContactId, m.Reference, m.Agency, GetMashChecks.AgencyText(m.Agency, m.AgencyName), m.RequestedAtUtc, m.RequestedBy, m.DueAtUtc,
                IsOverdue: now > m.DueAtUtc,
                IsDueSoon: MashCheckTimes.IsDueSoon(m.DueAtUtc, now))).ToList();
            return new Result(rows, rows.Count(r => r.IsOverdue), rows.Count(r => r.IsDueSoon), now);
        }
    }
}
