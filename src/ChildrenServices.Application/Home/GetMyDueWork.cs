using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Staff;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Home;

/// <summary>
/// The worktray's "what is due": statutory deadlines with RAG (assessments so far), reviews of the families I keywork (overdue first), and the approvals
/// I asked for — waiting, or decided in the last fortnight so I see a rejection and why.
/// </summary>
public static class GetMyDueWork
{
    public const int DueSoonDays = 7;

    [AllowAnySignedInUser]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<ReviewRow> Reviews, IReadOnlyList<ApprovalRow> Approvals, IReadOnlyList<Timescales.DueRow>? Statutory = null);

    public sealed record ReviewRow(Guid EpisodeId, string FamilyName, DateOnly? DueOn, bool HasPlan);

    public sealed record ApprovalRow(ApprovalKind Kind, string Children, ApprovalStatus Status, DateTime RequestedAtUtc, string? DecidedBy, string? Rationale);

    /// <summary>
    /// The early help episodes I keywork that are open and whose children I may all see, with the next review the latest
    /// one set (or none yet) and whether the family plan has goals. Compiled once, like the rest of My work's reads
    /// (<see cref="GetMyWork"/>).
    /// </summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, IAsyncEnumerable<Episode>>> Episodes = new(() => EF.CompileAsyncQuery(RecordAccess.Expand(
        (DbContext db, Guid me) => db.Set<EarlyHelpEpisode>()
            .Where(e => e.KeyworkerId == me && e.EndedOn == null
                && e.Children.All(c => db.Set<Person>().Any(p => p.Id == c.ChildId && RecordAccess.IsVisibleTo(p, me))))
            .Select(e => new Episode(
                e.Id, e.FamilyName, e.StartedOn,
                db.Set<FamilyPlan>().Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Reviews).OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.NextReviewOn).FirstOrDefault(),
                db.Set<FamilyPlan>().Where(p => p.EpisodeId == e.Id).SelectMany(p => p.Goals).Count())))));

    /// <summary>The approvals I asked for that wait for a decision or were decided since the date given, about children I may all see, newest first.</summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, DateTime, IAsyncEnumerable<Approval>>> Approvals = new(() => EF.CompileAsyncQuery(RecordAccess.Expand(
        (DbContext db, Guid me, DateTime since) => db.Set<ApprovalRequest>()
            .Where(a => a.RequestedById == me && (a.Status == ApprovalStatus.Pending || a.DecidedAtUtc >= since)
                && a.Children.All(c => db.Set<Person>().Any(p => p.Id == c.ChildId && RecordAccess.IsVisibleTo(p, me))))
            .OrderByDescending(a => a.RequestedAtUtc)
            .Select(a => new Approval(
                a.Kind, a.Status, a.RequestedAtUtc, a.Rationale,
                db.Set<StaffMember>().Where(s => s.Id == a.DecidedById).Select(s => s.DisplayName).FirstOrDefault(),
                a.Children.Join(db.Set<Person>(), c => c.ChildId, p => p.Id, (_, p) => p.GivenNames + " " + p.FamilyName).ToList()))
            .AsSplitQuery())));

    private sealed record Episode(Guid Id, string FamilyName, DateOnly StartedOn, DateOnly? Next, int Goals);

    private sealed record Approval(ApprovalKind Kind, ApprovalStatus Status, DateTime RequestedAtUtc, string? Rationale, string? By, List<string> Children);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, Timescales.StatutoryDueWork due) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            if (!user.HasPermission(Permission.ViewChildRecord))
            {
                return new Result([], []);
            }

            var context = (DbContext)db;
            var episodes = await Episodes.For(context)(context, me).ToListAsync(cancellationToken);

            // With no review yet, the first Team Around the Family meeting is due six weeks after the start.
            var reviews = episodes
                .Select(e => new ReviewRow(e.Id, e.FamilyName, e.Next ?? e.StartedOn.AddDays(42), e.Goals > 0))
                .OrderBy(r => r.DueOn).ToList();

            var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
            var approvals = await Approvals.For(context)(context, me, since).ToListAsync(cancellationToken);

            var statutory = await due.ForWorkerAsync(me, cancellationToken);
            return new Result(reviews, approvals.Select(a => new ApprovalRow(a.Kind, string.Join(", ", a.Children), a.Status, a.RequestedAtUtc, a.By, a.Rationale)).ToList(), statutory);
        }
    }
}
