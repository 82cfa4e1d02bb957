using System.Linq.Expressions;
using ChildrenServices.Domain.Allocations;

namespace ChildrenServices.Application.Performance;

/// <summary>
/// The team filter: a child's work belongs to the team whose worker was the child's lead on the day it is counted (the day
/// an assessment was authorised, a plan ended, a review was held; for counts at a date, that date); an early help episode,
/// a referral and a step-up or step-down to the team recorded on it. A lead holds the child from the day the allocation
/// started to the day it ended, both included, so on the day a child moves between teams both teams count them. The same
/// rule on every performance page.
/// </summary>
internal static class TeamFilter
{
    /// <summary>The team's lead allocations, past and present.</summary>
    public static IQueryable<Allocation> LeadsIn(IAppDbContext db, Guid team) =>
        db.Allocations.Where(a => a.Role == AllocationRole.Lead && a.TeamId == team);

    /// <summary>
    /// Only the rows about a child one of <paramref name="leads"/> held on the row's day; all of them when there is no filter.
    /// </summary>
    public static IQueryable<T> LedOn<T>(this IQueryable<T> source, IQueryable<Allocation>? leads, Expression<Func<T, Guid>> child, Expression<Func<T, DateOnly>> on)
    {
        if (leads is null)
        {
            return source;
        }

        // x => leads.Select(a => a.ChildId).Contains(child(x))
        //      && leads.Any(a => a.ChildId == child(x) && a.StartedOn <= on(x) && (a.EndedOn == null || a.EndedOn >= on(x)))
        // The first test is the children the team ever led, worked out once (an uncorrelated IN): it rules out almost every
        // row cheaply, so the second, which reads the child's allocations, runs only for the team's own children. Without
        // it a year's timeliness for one team read the allocations of every one of 100,000 facts (0.7 s).
        var row = child.Parameters[0];
        var day = new Substitution(on.Parameters[0], row).Visit(on.Body);
        Expression<Func<Allocation, Guid, DateOnly, bool>> held = (a, c, d) => a.ChildId == c && a.StartedOn <= d && (a.EndedOn == null || a.EndedOn >= d);
        var allocation = held.Parameters[0];
        var body = new Substitution(held.Parameters[1], child.Body).And(held.Parameters[2], day).Visit(held.Body);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Allocation)], leads.Expression,
            Expression.Quote(Expression.Lambda<Func<Allocation, bool>>(body, allocation)));
        var everLed = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)],
            leads.Select(a => a.ChildId).Expression, child.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(everLed, any), row));
    }

    /// <summary>
    /// The days each span about a child (a plan or period of care, open at the end of each day from its start until the day
    /// it ends) was also held by one of <paramref name="leads"/>, by the rule of <see cref="LedOn{T}"/>: a lead holds the
    /// child from its first day to its last, both included, so as a span it ends the day after its last day. A span no lead
    /// overlaps is dropped; a span two leads overlap gives one part for each. Still one query (a join on the child).
    /// </summary>
    public static IQueryable<Span> HeldBy(this IQueryable<ChildSpan> spans, IQueryable<Allocation> leads) =>
        spans.Join(leads, s => s.ChildId, a => a.ChildId, (s, a) => new
            {
                StartedOn = s.StartedOn > a.StartedOn ? s.StartedOn : a.StartedOn,
                EndedOn = a.EndedOn == null ? s.EndedOn
                    : s.EndedOn == null || s.EndedOn > a.EndedOn.Value.AddDays(1) ? a.EndedOn.Value.AddDays(1) : s.EndedOn,
            })
            .Where(x => x.EndedOn == null || x.StartedOn < x.EndedOn)
            .Select(x => new Span { StartedOn = x.StartedOn, EndedOn = x.EndedOn });
}

/// <summary>Something about a child open from a day until the day it ends (open if no end), as a query reads it.</summary>
internal sealed class ChildSpan
{
    public Guid ChildId { get; init; }

    public DateOnly StartedOn { get; init; }

    public DateOnly? EndedOn { get; init; }
}

/// <summary>A span counted by its start and end (<see cref="ServiceChanges"/>).</summary>
internal sealed class Span
{
    public DateOnly StartedOn { get; init; }

    public DateOnly? EndedOn { get; init; }
}
