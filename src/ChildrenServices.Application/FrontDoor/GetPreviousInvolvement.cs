using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// What the front door must see while deciding: earlier contacts, referrals and early help for the
/// children on a contact and their siblings; an alert when a child had another contact recently; and
/// whether a referral now would be a re-referral (within 12 months of the last).
/// </summary>
public static class GetPreviousInvolvement
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid ContactId) : IQuery<Result>, IContactScoped;

    public sealed record Result(
        IReadOnlyList<ContactRow> Contacts,
        IReadOnlyList<ReferralRow> Referrals,
        IReadOnlyList<EarlyHelpRow> EarlyHelp,
        IReadOnlyList<RecentContactAlert> RecentContacts,
        IReadOnlyList<ReReferralAlert> ReReferrals,
        int RecentContactDays)
    {
        public bool IsEmpty => Contacts.Count == 0 && Referrals.Count == 0 && EarlyHelp.Count == 0;
    }

    public sealed record ContactRow(Guid ContactId, string Reference, DateTime ReceivedAtUtc, string ChildNames, ContactStatus Status, ContactOutcome? Outcome, bool AboutSibling);

    public sealed record ReferralRow(Guid ReferralId, string ChildName, DateOnly ReferralDate, string SourceCode, string PrimaryNeedCode, bool IsReReferral, ReferralStatus Status, DateOnly AssessmentDueOn, string TeamName, bool AboutSibling);

    public sealed record EarlyHelpRow(DateOnly RequestedOn, string ChildNames, string TeamName, EarlyHelpRequestStatus Status);

    public sealed record RecentContactAlert(string ChildName, string Reference, DateTime ReceivedAtUtc);

    public sealed record ReReferralAlert(string ChildName, DateOnly PreviousReferralDate);

    public sealed class Handler(IAppDbContext db, RecordAccess access, FrontDoorSettings settings) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var contact = await db.Contacts.AsNoTracking().Include(c => c.People)
                .SingleAsync(c => c.Id == query.ContactId, cancellationToken);
            var childIds = contact.People.Where(p => p.Role == ContactPersonRole.Child).Select(p => p.PersonId).ToList();
            var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
            var siblingIds = await db.Relationships
                .Where(r => r.EndedOn == null && siblingKinds.Contains(r.Kind) && (childIds.Contains(r.PersonId) || childIds.Contains(r.RelatedPersonId)))
                .Select(r => childIds.Contains(r.PersonId) ? r.RelatedPersonId : r.PersonId)
                .Where(access.Sees<Guid>(id => id))
                .Distinct().ToListAsync(cancellationToken);
            siblingIds = siblingIds.Except(childIds).ToList();
            var everyone = childIds.Concat(siblingIds).ToList();
            var names = await db.People.Where(p => everyone.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName, cancellationToken);

            var others = await access.VisibleContacts(db.Contacts).AsNoTracking()
                .Where(c => c.Id != contact.Id && c.People.Any(p => everyone.Contains(p.PersonId)))
                .Include(c => c.People).Include(c => c.Decisions)
                .OrderByDescending(c => c.ReceivedAtUtc).Take(50)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var contacts = others.Select(c =>
            {
                var about = c.People.Where(p => everyone.Contains(p.PersonId)).Select(p => p.PersonId).ToList();
                return new ContactRow(c.Id, c.Reference, c.ReceivedAtUtc, string.Join(", ", about.Select(id => names[id])), c.Status,
                    c.DecisionInForce?.Outcome, !about.Any(childIds.Contains));
            }).ToList();

            var referrals = await db.Referrals.AsNoTracking()
                .Where(r => everyone.Contains(r.ChildId))
                .Join(db.Teams, r => r.TeamId, t => t.Id, (r, t) => new { r, t.Name })
                .OrderByDescending(x => x.r.ReferralDate).Take(50)
                .ToListAsync(cancellationToken);
            var referralRows = referrals
                .Where(x => x.r.ContactId != contact.Id)
                .Select(x => new ReferralRow(x.r.Id, names[x.r.ChildId], x.r.ReferralDate, x.r.SourceCode, x.r.PrimaryNeedCode, x.r.IsReReferral, x.r.Status, x.r.AssessmentDueOn, x.Name, !childIds.Contains(x.r.ChildId)))
                .ToList();

            var earlyHelp = await db.EarlyHelpRequests.AsNoTracking()
                .Where(r => r.ContactId != contact.Id && r.Children.Any(c => everyone.Contains(c.ChildId)))
                .Include(r => r.Children)
                .Join(db.Teams, r => r.TeamId, t => t.Id, (r, t) => new { r, t.Name })
                .OrderByDescending(x => x.r.RequestedOn).Take(20)
                .ToListAsync(cancellationToken);
            var earlyHelpRows = earlyHelp.Select(x => new EarlyHelpRow(x.r.RequestedOn,
                string.Join(", ", x.r.Children.Where(c => names.ContainsKey(c.ChildId)).Select(c => names[c.ChildId])), x.Name, x.r.Status)).ToList();

            var since = contact.ReceivedAtUtc.AddDays(-settings.RecentContactAlertDays);
            var recent = others
                .Where(c => c.ReceivedAtUtc >= since && c.ReceivedAtUtc <= contact.ReceivedAtUtc.AddDays(settings.RecentContactAlertDays))
                .SelectMany(c => c.People.Where(p => childIds.Contains(p.PersonId)).Select(p => new RecentContactAlert(names[p.PersonId], c.Reference, c.ReceivedAtUtc)))
                .ToList();

            var receivedOn = DateOnly.FromDateTime(UkTime.ToLocal(contact.ReceivedAtUtc));
            var reReferrals = referrals
                .Where(x => childIds.Contains(x.r.ChildId) && x.r.ContactId != contact.Id && x.r.Status != ReferralStatus.Withdrawn
                    && Referral.IsReReferralAfter(receivedOn, x.r.ReferralDate))
                .GroupBy(x => x.r.ChildId)
                .Select(g => new ReReferralAlert(names[g.Key], g.Max(x => x.r.ReferralDate)))
                .ToList();

            return new Result(contacts, referralRows, earlyHelpRows, recent, reReferrals, settings.RecentContactAlertDays);
        }
    }
}
