using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.Timescales;

/// <summary>
/// The council's local timescales as last read, shared by every request of this app instance (a singleton).
/// <see cref="SaveLocalTimescales"/> clears it, so a changed setting moves every due date on the next request in
/// this instance. An entry also lasts at most <see cref="Lifetime"/>: that bounds how long another instance of the
/// app (several web servers on one database), or a read that raced a save still committing, can show the old
/// settings (ADR 0024).
/// </summary>
public sealed class TimescaleSettingsCache(TimeProvider clock)
{
    /// <summary>How long settings read from the database are used before they are read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private Entry? entry;
    private long generation;

    /// <summary>Changes each time the cache is cleared; a read started before a clear does not store what it read.</summary>
    public long Generation
    {
        get
        {
            lock (gate)
            {
                return generation;
            }
        }
    }

    public bool TryGet(out LocalTimescales local)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (entry is { } e && now >= e.ReadAt && now - e.ReadAt < Lifetime)
            {
                local = e.Local;
                return true;
            }
        }

        local = LocalTimescales.Defaults;
        return false;
    }

    /// <summary>Keeps what a read found, unless the cache was cleared since the read began (<paramref name="readGeneration"/>).</summary>
    public void Set(LocalTimescales local, long readGeneration)
    {
        lock (gate)
        {
            if (readGeneration == generation)
            {
                entry = new Entry(local, clock.GetUtcNow());
            }
        }
    }

    /// <summary>Forgets the settings: the next request reads them from the database.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entry = null;
            generation++;
        }
    }

    private sealed record Entry(LocalTimescales Local, DateTimeOffset ReadAt);
}
