using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>The return settings as the administrator sees them, with the version they are editing; null values until first saved.</summary>
public static class GetReturnSettings
{
    [RequiresPermission(Permission.ManageReturnSettings)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(string? LaNumber, string? OnsCode, string SoftwareName, Guid? Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var saved = await db.ReturnSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ReturnSettings.SingletonId, cancellationToken);
            return saved is null
                ? new Result(null, null, ReturnSettings.DefaultSoftwareName, null, null, null)
                : new Result(saved.LaNumber, saved.OnsCode, saved.SoftwareName, saved.Version, saved.UpdatedByName, saved.UpdatedAtUtc);
        }
    }
}
