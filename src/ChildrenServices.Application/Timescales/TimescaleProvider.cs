using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>
/// The statutory timescales with this council's local settings (or the defaults until an administrator saves some).
/// The settings are read from the database once and kept in <see cref="TimescaleSettingsCache"/>, so a worktray or
/// a child's record does not spend a statement on them every request; saving them clears the cache (ADR 0024).
/// </summary>
public sealed class TimescaleProvider(IAppDbContext db, WorkingDayCalendar calendar, TimescaleSettingsCache cache)
{
    public async Task<StatutoryTimescales> CurrentAsync(CancellationToken ct)
    {
        if (cache.TryGet(out var local))
        {
            return new StatutoryTimescales(calendar, local);
        }

        var generation = cache.Generation;
        var saved = await db.TimescaleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == TimescaleSettings.SingletonId, ct);
        local = saved?.ToLocal() ?? LocalTimescales.Defaults;
        cache.Set(local, generation);
        return new StatutoryTimescales(calendar, local);
    }
}
