using ChildrenServices.Domain.Common;

namespace ChildrenServices.Application;

public static class Concurrency
{
    /// <summary>
    /// Refuses the edit at once if the aggregate has moved on since the user loaded it, and makes the
    /// save itself conditional on that version, so a writer who slips in between is refused too.
    /// </summary>
    public static void ExpectVersion(this IAppDbContext db, Aggregate aggregate, Guid version)
    {
        if (aggregate.Version != version)
        {
            throw new ConcurrencyConflictException(aggregate.UpdatedByName, aggregate.UpdatedAtUtc);
        }

        var property = db.Entry(aggregate).Property(a => a.Version);
        property.OriginalValue = version;

        // Touch the root even when only a child row changes, so the version check runs.
        property.IsModified = true;
    }
}
