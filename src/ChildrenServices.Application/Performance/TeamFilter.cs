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
        var day = new Replace(on.Parameters[0], row).Visit(on.Body);
        Expression<Func<Allocation, Guid, DateOnly, bool>> held = (a, c, d) => a.ChildId == c && a.StartedOn <= d && (a.EndedOn == null || a.EndedOn >= d);
        var allocation = held.Parameters[0];
        var body = new Replace(held.Parameters[1], child.Body).Visit(new Replace(held.Parameters[2], day).Visit(held.Body));
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Allocation)], leads.Expression,
            Expression.Quote(Expression.Lambda<Func<Allocation, bool>>(body, allocation)));
        var everLed = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)],
            leads.Select(a => a.ChildId).Expression, child.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(everLed, any), row));
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
