using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// The family narrative: significant notes about the child and every child in the child's current
/// household, oldest first, so the family's story reads in order. Children the user may not see
/// (restricted, not on the allow-list) are left out entirely — their names too. Every view is audited.
/// </summary>
public static class GetFamilyChronology
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CaseNoteType? Type = null, Guid? ChildId = null) : IQuery<Result>, IPersonScoped, IAudited;

    public sealed record Result(string? HouseholdName, IReadOnlyList<ChildRow> Children, IReadOnlyList<GetChronology.Entry> Entries);

    public sealed record ChildRow(Guid Id, string Name);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var household = await db.Households.AsNoTracking()
                .Where(h => h.Members.Any(m => m.PersonId == query.PersonId && m.LeftOn == null))
                .Select(h => new { h.Name, Members = h.Members.Where(m => m.LeftOn == null).Select(m => m.PersonId).ToList() })
                .FirstOrDefaultAsync(cancellationToken);
            var memberIds = household?.Members ?? [];
            if (!memberIds.Contains(query.PersonId))
            {
                memberIds.Add(query.PersonId);
            }

            var children = await access.Visible(db.People).AsNoTracking()
                .Where(p => memberIds.Contains(p.Id) && p.Type == PersonType.Child)
                .OrderBy(p => p.DateOfBirth).ThenBy(p => p.GivenNames)
                .Select(p => new ChildRow(p.Id, p.GivenNames + " " + p.FamilyName))
                .ToListAsync(cancellationToken);

            var shown = children.Select(c => c.Id).Where(id => query.ChildId is null || id == query.ChildId).ToList();
            var entries = await Chronology.Significant(db, shown, query.Type).ToListAsync(cancellationToken);
            entries.AddRange(await Chronology.ReviewsAsync(db, shown, query.Type, cancellationToken));
            entries.AddRange(await Chronology.CareAsync(db, shown, query.Type, cancellationToken));
            return new Result(
                household?.Name,
                children,
                entries.OrderBy(e => e.OccurredOn).ThenBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList());
        }
    }
}
