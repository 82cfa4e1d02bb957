using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>Where a merged record's pages go: the survivor, when the user may see it.</summary>
public static class FindSurvivor
{
    [AllowAnySignedInUser]
    public sealed record Query(Guid PersonId) : IQuery<Result?>;

    public sealed record Result(Guid SurvivorId, string MergedName);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var tombstone = await db.People.Where(p => p.Id == query.PersonId && p.MergedIntoId != null)
                .Select(p => new { p.GivenNames, p.FamilyName, p.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
            if (tombstone is null)
            {
                return null;
            }

            // Follow a chain of merges (A into B, then B into C) to the live record.
            var id = tombstone.MergedIntoId!.Value;
            for (var hops = 0; hops < 10; hops++)
            {
                var next = await db.People.Where(p => p.Id == id).Select(p => p.MergedIntoId).SingleOrDefaultAsync(cancellationToken);
                if (next is null)
                {
                    return await access.CanSeeAsync(id, cancellationToken) ? new Result(id, $"{tombstone.GivenNames} {tombstone.FamilyName}") : null;
                }

                id = next.Value;
            }

            return null;
        }
    }
}
