namespace ChildrenServices.Application.Performance;

/// <summary>
/// The team filter: a child belongs to the team their lead worker is in now; an early help episode, a referral and a
/// step-up or step-down to the team recorded on it. The same rule on every performance page.
/// </summary>
internal static class TeamFilter
{
    /// <summary>The children the team leads now, as a subquery to filter by.</summary>
    public static IQueryable<Guid> ChildrenLedBy(IAppDbContext db, Guid team) =>
        db.Allocations.Where(a => a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead && a.TeamId == team).Select(a => a.ChildId);

    /// <summary>Only the rows about a child in <paramref name="led"/>; all of them when there is no filter.</summary>
    public static IQueryable<T> LedBy<T>(this IQueryable<T> source, IQueryable<Guid>? led, System.Linq.Expressions.Expression<Func<T, Guid>> child)
    {
        if (led is null)
        {
            return source;
        }

        var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], led.Expression, child.Body);
        return source.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, child.Parameters));
    }
}
