using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>A child's contacts, referrals and early help requests, newest first: the record's "Contacts and referrals".</summary>
public static class GetChildContacts
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Result(IReadOnlyList<ContactRow> Contacts, IReadOnlyList<ReferralRow> Referrals, IReadOnlyList<EarlyHelpRow> EarlyHelp);

    public sealed record ContactRow(Guid Id, string Reference, ContactRoute Route, DateTime ReceivedAtUtc, ContactStatus Status, ContactOutcome? Outcome, string ReferrerName, string? ReferrerAgency);

    public sealed record ReferralRow(DateOnly ReferralDate, string SourceCode, string PrimaryNeedCode, bool IsReReferral, bool ImmediateStrategyDiscussion, ReferralStatus Status, DateOnly AssessmentDueOn, string TeamName, Guid? ContactId,
        Guid Id = default, IReadOnlyList<Recording.GetDateToCorrect.CorrectionRow>? Corrections = null);

    public sealed record EarlyHelpRow(DateOnly RequestedOn, string TeamName, EarlyHelpRequestStatus Status, Guid? ContactId);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var contacts = await access.VisibleContacts(db.Contacts).AsNoTracking()
                .Where(c => c.People.Any(p => p.PersonId == query.PersonId))
                .Include(c => c.Decisions)
                .OrderByDescending(c => c.ReceivedAtUtc)
                .ToListAsync(cancellationToken);
            var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildId == query.PersonId)
                .Join(db.Teams, r => r.TeamId, t => t.Id, (r, t) => new { r, t.Name })
                .OrderByDescending(x => x.r.ReferralDate).ToListAsync(cancellationToken);
            var earlyHelp = await db.EarlyHelpRequests.AsNoTracking().Where(r => r.Children.Any(c => c.ChildId == query.PersonId))
                .Join(db.Teams, r => r.TeamId, t => t.Id, (r, t) => new { r.RequestedOn, t.Name, r.Status, r.ContactId })
                .OrderByDescending(x => x.RequestedOn).ToListAsync(cancellationToken);

            var corrections = await Recording.CorrectionHistory.ForAsync(db, [.. referrals.Select(x => x.r.Id)], cancellationToken);
            return new Result(
                contacts.Select(c => new ContactRow(c.Id, c.Reference, c.Route, c.ReceivedAtUtc, c.Status, c.DecisionInForce?.Outcome, c.Referrer.Name, c.Referrer.Agency)).ToList(),
                referrals.Select(x => new ReferralRow(x.r.ReferralDate, x.r.SourceCode, x.r.PrimaryNeedCode, x.r.IsReReferral, x.r.ImmediateStrategyDiscussion, x.r.Status, x.r.AssessmentDueOn, x.Name, x.r.ContactId,
                    x.r.Id, corrections.GetValueOrDefault(x.r.Id, []))).ToList(),
                earlyHelp.Select(x => new EarlyHelpRow(x.RequestedOn, x.Name, x.Status, x.ContactId)).ToList());
        }
    }
}
