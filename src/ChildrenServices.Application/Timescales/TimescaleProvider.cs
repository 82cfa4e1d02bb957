using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>The statutory timescales with this council's local settings (or the defaults until an administrator saves some).</summary>
public sealed class TimescaleProvider(IAppDbContext db, WorkingDayCalendar calendar)
{
    public async Task<StatutoryTimescales> CurrentAsync(CancellationToken ct)
    {
        var saved = await db.TimescaleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == TimescaleSettings.SingletonId, ct);
        return new StatutoryTimescales(calendar, saved?.ToLocal() ?? LocalTimescales.Defaults);
    }
}
