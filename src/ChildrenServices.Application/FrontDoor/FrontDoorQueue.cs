using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// The front-door queue: contacts waiting for a decision (or sign-off), most urgent first — immediate
/// risk, then overdue, then by deadline — with who holds each and the checks still outstanding.
/// </summary>
public static class FrontDoorQueue
{
    public const int PageSize = 50;

    public enum Holder
    {
        Anyone = 0,
        Me = 1,
        Unassigned = 2,
    }

    [RequiresPermission(Permission.ViewFrontDoor)]
    public sealed record Query : IQuery<Result>
    {
        public ContactStatus? Status { get; init; }

        public ContactRoute? Route { get; init; }

        public ContactUrgency? Urgency { get; init; }

        /// <summary>DfE referral source code (2A schools, 6 police …).</summary>
        public string? Source { get; init; }

        public Holder Held { get; init; }

        public bool OverdueOnly { get; init; }

        public int Page { get; init; } = 1;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, Counts Counts)
    {
        public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    }

    public sealed record Counts(int Waiting, int Overdue, int AwaitingSignOff, int Unassigned, int Mine, int DecidedToday);

    public sealed record Row(
        Guid Id,
        string Reference,
        ContactRoute Route,
        ContactUrgency Urgency,
        ContactStatus Status,
        DateTime ReceivedAtUtc,
        DateTime DecisionDueAtUtc,
        string Children,
        int ReportedChildren,
        string? HolderName,
        int OutstandingChecks,
        int OverdueChecks);

    public sealed class Handler(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var me = user.UserId ?? Guid.Empty;
            var visible = access.VisibleContacts(db.Contacts).AsNoTracking();
            var open = visible.Where(c => c.Status != ContactStatus.Decided);
            var startOfToday = UkTime.ToUtc(UkTime.Today(clock).ToDateTime(TimeOnly.MinValue));
            // The six counts in one statement: one pass over the visible contacts, not one per count.
            var counts = await visible.GroupBy(c => 1)
                .Select(g => new Counts(
                    g.Count(c => c.Status == ContactStatus.AwaitingDecision),
                    g.Count(c => c.Status != ContactStatus.Decided && c.DecisionDueAtUtc < now),
                    g.Count(c => c.Status == ContactStatus.AwaitingSignOff),
                    g.Count(c => c.Status != ContactStatus.Decided && c.AssignedToId == null),
                    g.Count(c => c.Status != ContactStatus.Decided && c.AssignedToId == me),
                    g.Count(c => c.Status == ContactStatus.Decided && c.Decisions.Any(d => d.DecidedAtUtc >= startOfToday))))
                .SingleOrDefaultAsync(cancellationToken) ?? new Counts(0, 0, 0, 0, 0, 0);

            var filtered = query.Status switch
            {
                ContactStatus.Decided => visible.Where(c => c.Status == ContactStatus.Decided && c.Decisions.Any(d => d.DecidedAtUtc >= startOfToday)),
                { } status => visible.Where(c => c.Status == status),
                null => open,
            };
            if (query.Route is { } route)
            {
                filtered = filtered.Where(c => c.Route == route);
            }

            if (query.Urgency is { } urgency)
            {
                filtered = filtered.Where(c => c.Urgency == urgency);
            }

            if (!string.IsNullOrWhiteSpace(query.Source))
            {
                filtered = filtered.Where(c => c.Referrer.SourceCode == query.Source);
            }

            filtered = query.Held switch
            {
                Holder.Me => filtered.Where(c => c.AssignedToId == me),
                Holder.Unassigned => filtered.Where(c => c.AssignedToId == null),
                _ => filtered,
            };
            if (query.OverdueOnly)
            {
                filtered = filtered.Where(c => c.Status != ContactStatus.Decided && c.DecisionDueAtUtc < now);
            }

            var total = await filtered.CountAsync(cancellationToken);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)PageSize)));
            var rows = await filtered
                .OrderByDescending(c => c.Urgency == ContactUrgency.Immediate)
                .ThenBy(c => c.DecisionDueAtUtc)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(c => new
                {
                    c.Id,
                    c.Reference,
                    c.Route,
                    c.Urgency,
                    c.Status,
                    c.ReceivedAtUtc,
                    c.DecisionDueAtUtc,
                    Children = c.People.Where(p => p.Role == ContactPersonRole.Child)
                        .Join(db.People, p => p.PersonId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList(),
                    Reported = c.ReportedChildren.Count(r => r.MatchedPersonId == null),
                    Holder = db.Staff.Where(s => s.Id == c.AssignedToId).Select(s => s.DisplayName).FirstOrDefault(),
                    Outstanding = c.MashChecks.Count(m => m.RespondedAtUtc == null),
                    Overdue = c.MashChecks.Count(m => m.RespondedAtUtc == null && m.DueAtUtc < now),
                })
                .AsSplitQuery()
                .ToListAsync(cancellationToken);

            return new Result(
                rows.Select(r => new Row(r.Id, r.Reference, r.Route, r.Urgency, r.Status, r.ReceivedAtUtc, r.DecisionDueAtUtc,
                    string.Join(", ", r.Children), r.Reported, r.Holder, r.Outstanding, r.Overdue)).ToList(),
                total, page, counts);
        }
    }
}
