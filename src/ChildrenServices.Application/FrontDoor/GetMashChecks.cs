using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>The MASH checks on one contact, oldest request first, with what each agency said and the overall outcome.</summary>
public static class GetMashChecks
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid ContactId) : IQuery<Result>, IContactScoped;

    public sealed record Result(
        Guid ContactId,
        string Reference,
        Guid Version,
        DateTime NowUtc,
        bool CanRequestChecks,
        string? CannotRequestReason,
        IReadOnlyList<Row> Checks,
        string? Outcome,
        RagRating? OutcomeRag,
        DateTime? OutcomeAtUtc)
    {
        public int OutstandingCount => Checks.Count(c => c.IsOutstanding);

        public int OverdueCount => Checks.Count(c => c.IsOverdue);
    }

    public sealed record Row(
        Guid Id,
        PartnerAgency Agency,
        string AgencyText,
        string Question,
        DateTime RequestedAtUtc,
        string RequestedBy,
        DateTime DueAtUtc,
        string? Response,
        RagRating? Rag,
        DateTime? RespondedAtUtc,
        string? ResponseRecordedBy,
        bool IsOverdue,
        bool IsDueSoon)
    {
        public bool IsOutstanding => RespondedAtUtc is null;
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var contact = await db.Contacts.AsNoTracking()
                .Where(c => c.Id == query.ContactId)
                .Select(c => new { c.Id, c.Reference, c.Version, c.Status, c.Consent, c.MashOutcome, c.MashRag, c.MashOutcomeAtUtc })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Page not found");

            var checks = await (
                from m in db.MashChecks.AsNoTracking()
                where m.ContactId == query.ContactId
                join requester in db.Staff on m.RequestedById equals requester.Id
                join recorder in db.Staff on m.ResponseRecordedById equals (Guid?)recorder.Id into recorders
                from recorder in recorders.DefaultIfEmpty()
                orderby m.RequestedAtUtc, m.Id
                select new
                {
                    m.Id, m.Agency, m.AgencyName, m.Question, m.RequestedAtUtc, RequestedBy = requester.DisplayName, m.DueAtUtc,
                    m.Response, m.Rag, m.RespondedAtUtc, RecordedBy = recorder == null ? null : recorder.DisplayName,
                }).ToListAsync(cancellationToken);

            var rows = checks.Select(m => new Row(
                m.Id, m.Agency, AgencyText(m.Agency, m.AgencyName), m.Question, m.RequestedAtUtc, m.RequestedBy, m.DueAtUtc,
                m.Response, m.Rag, m.RespondedAtUtc, m.RecordedBy,
                IsOverdue: m.RespondedAtUtc is null && now > m.DueAtUtc,
                IsDueSoon: m.RespondedAtUtc is null && MashCheckTimes.IsDueSoon(m.DueAtUtc, now))).ToList();

            string? cannot = contact.Status == ContactStatus.Decided
                ? "Checks cannot be requested on a decided contact"
                : contact.Consent == ConsentToShare.Refused
                    ? "Consent to share was refused: record an override with a reason before checking with partner agencies"
                    : null;

            return new Result(contact.Id, contact.Reference, contact.Version, now, cannot is null, cannot, rows,
                contact.MashOutcome, contact.MashRag, contact.MashOutcomeAtUtc);
        }
    }

    /// <summary>"Police", or the name typed for another agency: "Other agency (Youth offending team)".</summary>
    public static string AgencyText(PartnerAgency agency, string? agencyName) =>
        agency == PartnerAgency.Other && !string.IsNullOrWhiteSpace(agencyName) ? agencyName : agency.Describe();
}
