using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>Who has opened or changed a record, newest first: the manager's check on access.</summary>
public static class GetRecordViewers
{
    public const int PageSize = 50;

    [RequiresPermission(Permission.ViewRecordViewers)]
    public sealed record Query(Guid PersonId, int Page = 1) : IQuery<Result>, IPersonScoped;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount);

    public sealed record Row(DateTime OccurredAtUtc, string UserName, string? JobTitle, string Action);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = db.AuditEntries.Where(a => a.PersonId == query.PersonId);
            var total = await entries.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
            var page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await entries
                .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .GroupJoin(db.Staff, a => a.UserId, s => s.Id, (a, s) => new { a, s })
                .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new Row(x.a.OccurredAtUtc, s == null ? "System" : s.DisplayName, s == null ? null : s.JobTitle, x.a.Action))
                .ToListAsync(cancellationToken);
            return new Result(rows, total, page, pageCount);
        }
    }

    /// <summary>Audit actions in words a manager reads.</summary>
    public static string Describe(string action) => action switch
    {
        nameof(GetPersonRecord) => "Viewed the record",
        nameof(SearchPeople) => "Saw it listed in search results",
        nameof(GetRecordHeader) => "Opened a page of the record",
        nameof(GetRecordOverview) => "Viewed the overview",
        nameof(GetAssessmentsAndPlans) => "Viewed the assessments and plans",
        nameof(GetVisitsAndReviews) => "Viewed the visits and reviews",
        nameof(CreatePerson) => "Created the record",
        nameof(UpdatePersonDetails) => "Changed personal details",
        nameof(ChangeName) => "Changed or added a name",
        nameof(RecordMove) => "Recorded a change of address",
        nameof(AddRelationship) => "Added a relationship",
        nameof(RestrictRecord) => "Restricted the record",
        nameof(LiftRestriction) => "Lifted the restriction",
        "AllocateWorker" => "Allocated a worker",
        "EndAllocation" => "Ended an allocation",
        "RecordCaseNote" => "Recorded a case note",
        "AddNoteAddendum" => "Added to a case note",
        "SaveNoteDraft" => "Saved a draft case note",
        "DiscardNoteDraft" => "Discarded a draft case note",
        "SaveDraft" => "Saved a draft",
        "DiscardDraft" => "Discarded a draft",
        "GetCaseNotes" => "Viewed the case notes",
        "GetCaseNote" => "Read a case note",
        "GetChronology" => "Viewed the chronology",
        "GetFamilyChronology" => "Viewed the family chronology",
        _ => System.Text.RegularExpressions.Regex.Replace(action, "(?<!^)([A-Z])", " $1").ToLowerInvariant() is var words && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : action,
    };
}
