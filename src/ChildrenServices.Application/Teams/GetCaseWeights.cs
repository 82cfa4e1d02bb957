using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Teams;

/// <summary>The case weights as the administrator sees them, with the version they are editing.</summary>
public static class GetCaseWeights
{
    [RequiresPermission(Permission.ManageTimescales)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(CaseWeighting Weights, Guid? Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var saved = await db.CaseWeightSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CaseWeightSettings.SingletonId, cancellationToken);
            return saved is null
                ? new Result(CaseWeighting.Defaults, null, null, null)
                : new Result(saved.ToWeighting(), saved.Version, saved.UpdatedByName, saved.UpdatedAtUtc);
        }
    }
}
