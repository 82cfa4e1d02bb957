using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Timescales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>The local timescales as the administrator sees them, with the version they are editing.</summary>
public static class GetLocalTimescales
{
    [RequiresPermission(Permission.ManageTimescales)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(LocalTimescales Local, Guid? Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var saved = await db.TimescaleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == TimescaleSettings.SingletonId, cancellationToken);
            return saved is null
                ? new Result(LocalTimescales.Defaults, null, null, null)
                : new Result(saved.ToLocal(), saved.Version, saved.UpdatedByName, saved.UpdatedAtUtc);
        }
    }
}
