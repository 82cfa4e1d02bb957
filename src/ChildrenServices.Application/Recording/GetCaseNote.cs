using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>One case note as written, with its addenda in the order they were added. Every view is audited.</summary>
public static class GetCaseNote
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, Guid NoteId) : IQuery<Note>, IPersonScoped, IAudited;

    public sealed record Note(
        Guid Id, CaseNoteType Type, DateOnly OccurredOn, TimeOnly? OccurredAt, string Title, string Text, string? WhoWasSeen,
        bool ChildSeen, bool ChildSeenAlone, bool Significant, string RecordedBy, DateTime RecordedAtUtc, IReadOnlyList<AddendumRow> Addenda);

    public sealed record AddendumRow(string Text, string RecordedBy, DateTime RecordedAtUtc);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Note>
    {
        public async ValueTask<Note> Handle(Query query, CancellationToken cancellationToken)
        {
            var note = await db.CaseNotes.AsNoTracking().Include(n => n.Addenda)
                .SingleOrDefaultAsync(n => n.Id == query.NoteId && n.ChildId == query.PersonId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var authorIds = note.Addenda.Select(a => a.RecordedById).Append(note.RecordedById).Distinct().ToList();
            var names = await db.Staff.Where(s => authorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            string Name(Guid id) => names.TryGetValue(id, out var name) ? name : "Unknown";
            return new Note(
                note.Id, note.Type, note.OccurredOn, note.OccurredAt, note.Title, note.Text, note.WhoWasSeen, note.ChildSeen, note.ChildSeenAlone,
                note.Significant, Name(note.RecordedById), note.RecordedAtUtc,
                note.Addenda.OrderBy(a => a.RecordedAtUtc).Select(a => new AddendumRow(a.Text, Name(a.RecordedById), a.RecordedAtUtc)).ToList());
        }
    }
}
