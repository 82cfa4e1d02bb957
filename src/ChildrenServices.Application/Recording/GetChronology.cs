using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>The child's chronology: significant case notes, newest first, filterable by type. Every view is audited.</summary>
public static class GetChronology
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CaseNoteType? Type = null) : IQuery<IReadOnlyList<Entry>>, IPersonScoped, IAudited;

    /// <summary>A significant event; <see cref="Text"/> is the note in full, as a chronology printed for court needs it.</summary>
    public sealed record Entry(
        Guid Id, Guid ChildId, string ChildName, CaseNoteType Type, DateOnly OccurredOn, TimeOnly? OccurredAt, string Title, string Text, string? WhoWasSeen, string RecordedBy,
        IReadOnlyList<AddendumRow> Addenda);

    /// <summary>A correction travels with what it corrects, on screen and on paper.</summary>
    public sealed record AddendumRow(string Text, DateTime RecordedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Entry>>
    {
        public async ValueTask<IReadOnlyList<Entry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = await Chronology.Significant(db, [query.PersonId], query.Type).ToListAsync(cancellationToken);
            return entries.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.OccurredAt).ToList();
        }
    }
}

internal static class Chronology
{
    /// <summary>Significant notes about any of the children, unordered (SQLite cannot order every column type the same way; callers sort).</summary>
    public static IQueryable<GetChronology.Entry> Significant(IAppDbContext db, IReadOnlyCollection<Guid> childIds, CaseNoteType? type)
    {
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.Significant && childIds.Contains(n.ChildId));
        if (type is { } t)
        {
            notes = notes.Where(n => n.Type == t);
        }

        return notes
            .Join(db.People, n => n.ChildId, p => p.Id, (n, p) => new { n, Child = p.GivenNames + " " + p.FamilyName })
            .Join(db.Staff, x => x.n.RecordedById, s => s.Id, (x, s) => new GetChronology.Entry(
                x.n.Id, x.n.ChildId, x.Child, x.n.Type, x.n.OccurredOn, x.n.OccurredAt, x.n.Title, x.n.Text, x.n.WhoWasSeen, s.DisplayName,
                x.n.Addenda.OrderBy(a => a.RecordedAtUtc).Select(a => new GetChronology.AddendumRow(a.Text, a.RecordedAtUtc)).ToList()));
    }
}
