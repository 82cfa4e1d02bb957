namespace ChildrenServices.Domain.Common;

/// <summary>
/// An editable aggregate root. <see cref="Version"/> is an app-managed concurrency token:
/// the persistence layer replaces it on every save and refuses a save whose original version
/// no longer matches, so a second writer never silently overwrites the first.
/// The "updated by" fields let the refusal name who changed the record and when.
/// </summary>
public abstract class Aggregate
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public Guid Version { get; private set; } = Guid.CreateVersion7();

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid? UpdatedById { get; private set; }

    public string? UpdatedByName { get; private set; }

    /// <summary>Called by the persistence layer when the aggregate (or a part of it) is saved.</summary>
    public void Stamp(DateTime nowUtc, Guid? userId, string? userName, bool isNew)
    {
        if (isNew)
        {
            CreatedAtUtc = nowUtc;
        }

        UpdatedAtUtc = nowUtc;
        UpdatedById = userId;
        UpdatedByName = userName;
        Version = Guid.CreateVersion7();
    }
}
