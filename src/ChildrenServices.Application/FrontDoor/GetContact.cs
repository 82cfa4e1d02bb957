using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>One contact as the front door works on it. Viewing it is audited on each child's record.</summary>
public static class GetContact
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid ContactId) : IQuery<Result>, IContactScoped, IAudited;

    public sealed record Result(
        Guid Id,
        Guid Version,
        string Reference,
        ContactRoute Route,
        DateTime ReceivedAtUtc,
        DateTime DecisionDueAtUtc,
        ContactStatus Status,
        ContactUrgency Urgency,
        Referrer Referrer,
        ContactAccount Account,
        ConsentToShare Consent,
        string? ConsentOverrideReason,
        Guid? AssignedToId,
        string? AssignedToName,
        string? RecordedByName,
        IReadOnlyList<PersonRow> People,
        IReadOnlyList<ReportedChildRow> ReportedChildren,
        string? ReportedAdults,
        Consultation? Consultation,
        string? ConsultationRecordedByName,
        IReadOnlyList<AgreedAction> Actions,
        string? MashOutcome,
        RagRating? MashRag,
        IReadOnlyList<DecisionRow> Decisions,
        DateTime UpdatedAtUtc,
        string? UpdatedByName)
    {
        public IEnumerable<PersonRow> Children => People.Where(p => p.Role == ContactPersonRole.Child);

        public IEnumerable<PersonRow> Adults => People.Where(p => p.Role == ContactPersonRole.Adult);

        public DecisionRow? InForce => Decisions.FirstOrDefault(d => d.InForce);

        public DecisionRow? Pending => Decisions.FirstOrDefault(d => d.SignOff == SignOffState.Pending);

        public bool IsOpen => Status == ContactStatus.AwaitingDecision;
    }

    public sealed record PersonRow(Guid PersonId, ContactPersonRole Role, string GivenNames, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth)
    {
        public string FullName => $"{GivenNames} {FamilyName}";
    }

    public sealed record ReportedChildRow(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, string? AgeOrOtherDetails, string? Address, string? School, Guid? MatchedPersonId);

    public sealed record DecisionRow(
        Guid Id,
        ContactOutcome Outcome,
        string Rationale,
        string? ReferralSourceCode,
        string? PrimaryNeedCode,
        string? TeamName,
        string? CorrectionReason,
        string DecidedByName,
        DateTime DecidedAtUtc,
        bool WithinTimescale,
        bool Superseded,
        SignOffState SignOff,
        string? SignedOffByName,
        DateTime? SignedOffAtUtc,
        string? SignOffComment,
        bool InForce);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var c = await db.Contacts.AsNoTracking()
                .Include(x => x.People).Include(x => x.ReportedChildren).Include(x => x.AgreedActions).Include(x => x.Decisions)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == query.ContactId, cancellationToken)
                ?? throw new NotFoundException("Page not found");

            var staffIds = new[] { c.AssignedToId, c.RecordedById, c.Consultation?.RecordedById }
                .Concat(c.Decisions.SelectMany(d => new[] { (Guid?)d.DecidedById, d.SignedOffById }))
                .OfType<Guid>().Distinct().ToList();
            var names = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
            var teamIds = c.Decisions.Select(d => d.TeamId).OfType<Guid>().Distinct().ToList();
            var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var personIds = c.People.Select(p => p.PersonId).ToList();
            var people = await db.People.Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth })
                .ToDictionaryAsync(p => p.Id, cancellationToken);

            string? Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : null;

            return new Result(
                c.Id, c.Version, c.Reference, c.Route, c.ReceivedAtUtc, c.DecisionDueAtUtc, c.Status, c.Urgency, c.Referrer, c.Account, c.Consent, c.ConsentOverrideReason,
                c.AssignedToId, Name(c.AssignedToId), Name(c.RecordedById),
                c.People.Select(p => new PersonRow(p.PersonId, p.Role, people[p.PersonId].GivenNames, people[p.PersonId].FamilyName, people[p.PersonId].DateOfBirth, people[p.PersonId].ExpectedDateOfBirth))
                    .OrderBy(p => p.Role).ThenBy(p => p.DateOfBirth).ToList(),
                c.ReportedChildren.Select(r => new ReportedChildRow(r.Id, r.GivenName, r.FamilyName, r.DateOfBirth, r.AgeOrOtherDetails, r.Address, r.School, r.MatchedPersonId)).ToList(),
                c.ReportedAdults,
                c.Consultation,
                Name(c.Consultation?.RecordedById),
                c.AgreedActions.OrderBy(a => a.DueOn).ToList(),
                c.MashOutcome,
                c.MashRag,
                c.Decisions.OrderByDescending(d => d.DecidedAtUtc).Select(d => new DecisionRow(
                    d.Id, d.Outcome, d.Rationale, d.ReferralSourceCode, d.PrimaryNeedCode, d.TeamId is { } t ? teams[t] : null, d.CorrectionReason,
                    Name(d.DecidedById) ?? "Unknown", d.DecidedAtUtc, d.WithinTimescale, d.SupersededById is not null, d.SignOff, Name(d.SignedOffById), d.SignedOffAtUtc, d.SignOffComment, d.InForce)).ToList(),
                c.UpdatedAtUtc,
                c.UpdatedByName);
        }
    }
}
