using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChildrenServices.Infrastructure.Persistence;

/// <summary>The next number to give as a local identifier: one row, moved on by an UPDATE that returns the block it reserved.</summary>
public sealed class LocalIdentifierSequence : IStandaloneRecord
{
    public int Id { get; init; }

    public long Next { get; init; }
}

/// <summary>
/// Local identifiers (LAchildID) for new people and for records from before they existed. Numbers are reserved a block
/// at a time by one UPDATE, which takes the database's write lock, so two saves never get the same number; a save that
/// then fails leaves a gap rather than a number to reuse, so no number is ever given twice.
/// </summary>
public static class LocalIdentifiers
{
    /// <summary>Gives every added person without one a local identifier, in the order they were added.</summary>
    internal static void NumberAdded(AppDbContext db, IReadOnlyCollection<EntityEntry> added)
    {
        var people = New(added);
        if (people.Count > 0)
        {
            Assign(people, Reserve(db, people.Count));
        }
    }

    /// <inheritdoc cref="NumberAdded"/>
    internal static async Task NumberAddedAsync(AppDbContext db, IReadOnlyCollection<EntityEntry> added, CancellationToken ct)
    {
        var people = New(added);
        if (people.Count > 0)
        {
            Assign(people, await ReserveAsync(db, people.Count, ct));
        }
    }

    /// <summary>
    /// People saved before local identifiers existed get one, oldest first, a batch at a time. Run at start-up; does
    /// nothing once every record has one. Returns how many were numbered.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDbContext db, CancellationToken ct = default)
    {
        var numbered = 0;
        while (true)
        {
            var batch = await db.People.Where(p => p.LocalId == null).OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return numbered;
            }

            Assign(batch, await ReserveAsync(db, batch.Count, ct));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            numbered += batch.Count;
        }
    }

    private static List<Person> New(IEnumerable<EntityEntry> added) =>
        [.. added.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<Person>().Where(p => p.LocalId is null)];

    private static void Assign(IReadOnlyList<Person> people, long first)
    {
        for (var i = 0; i < people.Count; i++)
        {
            people[i].AssignLocalId(LocalIdentifier.Format(first + i));
        }
    }

    private static long Reserve(AppDbContext db, int count) => db.Database.SqlQueryRaw<long>(Sql(db), count).AsEnumerable().Single();

    private static async Task<long> ReserveAsync(AppDbContext db, int count, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<long>(Sql(db), count).ToListAsync(ct)).Single();

    /// <summary>Moves the sequence on by the count and returns where the reserved block starts.</summary>
    private static string Sql(AppDbContext db) => db.Database.IsSqlServer()
        ? "UPDATE [LocalIdentifierSequence] SET [Next] = [Next] + {0} OUTPUT deleted.[Next] AS [Value] WHERE [Id] = 1"
        : "UPDATE \"LocalIdentifierSequence\" SET \"Next\" = \"Next\" + {0} WHERE \"Id\" = 1 RETURNING \"Next\" - {0} AS \"Value\"";
}
