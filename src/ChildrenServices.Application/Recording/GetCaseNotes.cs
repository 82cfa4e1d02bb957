using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A child's case notes, newest first (by when it happened), filtered by type or significance. Every view is audited.</summary>
public static class GetCaseNotes
{
    public const int PageSize = 20;

    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, CaseNoteType? Type = null, bool SignificantOnly = false, int Page = 1) : IQuery<Result>, IPersonScoped, IAudited;

    public sealed record Result(IReadOnlyList<NoteRow> Notes, int Total, int Page, int PageCount);

    public sealed record NoteRow(Guid Id, CaseNoteType Type, DateOnly OccurredOn, TimeOnly? OccurredAt, string Title, string? WhoWasSeen, bool Significant, string RecordedBy, DateTime RecordedAtUtc, int Addenda);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var notes = db.CaseNotes.AsNoTracking().Where(n => n.ChildId == query.PersonId);
            if (query.Type is { } type)
            {
                notes = notes.Where(n => n.Type == type);
            }

            if (query.SignificantOnly)
            {
                notes = notes.Where(n => n.Significant);
            }

            var total = await notes.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await notes
                .OrderByDescending(n => n.OccurredOn).ThenByDescending(n => n.OccurredAt).ThenByDescending(n => n.RecordedAtUtc)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Staff, n => n.RecordedById, s => s.Id, (n, s) => new NoteRow(
                    n.Id, n.Type, n.OccurredOn, n.OccurredAt, n.Title, n.WhoWasSeen, n.Significant, s.DisplayName, n.RecordedAtUtc, n.Addenda.Count))
                .ToListAsync(cancellationToken);
            return new Result(rows, total, page, pageCount);
        }
    }
}
