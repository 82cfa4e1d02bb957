using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>A child's or adult's record: identity, family and network, who holds the case. Every view is audited.</summary>
public static class GetPersonRecord
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Record>, IPersonScoped, IAudited;

    public sealed record Record(
        Guid Id,
        Guid Version,
        PersonType Type,
        string GivenNames,
        string FamilyName,
        DateOnly? DateOfBirth,
        DateOnly? ExpectedDateOfBirth,
        DateOnly? DateOfDeath,
        int? Age,
        Sex Sex,
        string GenderCode,
        string? EthnicityCode,
        IReadOnlyList<string> DisabilityCodes,
        string? FirstLanguage,
        bool InterpreterRequired,
        string? NhsNumber,
        string? UniquePupilNumber,
        string? UpnUnknownReason,
        RestrictionReason? Restriction,
        DateOnly? RestrictionReviewDue,
        IReadOnlyList<NameRow> OtherNames,
        IReadOnlyList<AddressRow> Addresses,
        IReadOnlyList<RelativeRow> Relatives,
        IReadOnlyList<HouseholdRow> Households,
        IReadOnlyList<AllocationRow> Allocations,
        DateTime UpdatedAtUtc,
        string? UpdatedByName,
        bool CanRecord)
    {
        public string FullName => $"{GivenNames} {FamilyName}";

        /// <summary>Roughly how old the child is, when only an age was given.</summary>
        public int? ApproximateAge { get; init; }

        /// <summary>Why the date of birth is not known; the record is flagged while it is set.</summary>
        public string? DateOfBirthNotKnownReason { get; init; }

        public AddressRow? CurrentAddress => Addresses.FirstOrDefault(a => a.To is null);

        public AllocationRow? Lead => Allocations.FirstOrDefault(a => a.Role == AllocationRole.Lead);

        /// <summary>The identity bar's header, read with the record so a page that shows both audits one view.</summary>
        public GetRecordHeader.Header Header { get; init; } = default!;
    }

    public sealed record NameRow(NameKind Kind, string GivenNames, string FamilyName, DateOnly? UsedUntil);

    public sealed record AddressRow(string Line1, string? Line2, string? Town, string Postcode, DateOnly From, DateOnly? To)
    {
        public string SingleLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public sealed record RelativeRow(Guid PersonId, string Name, PersonType Type, DateOnly? DateOfBirth, string Relationship, bool HasParentalResponsibility, string? Notes);

    public sealed record HouseholdRow(Guid Id, string Name, IReadOnlyList<MemberRow> Members);

    public sealed record MemberRow(Guid PersonId, string Name, DateOnly? DateOfBirth, DateOnly JoinedOn);

    public sealed record AllocationRow(Guid Id, string WorkerName, string TeamName, AllocationRole Role, DateOnly StartedOn);

    public sealed class Handler(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Record>
    {
        public async ValueTask<Record> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = query.PersonId;
            var person = await db.People.AsNoTracking()
                .Include(p => p.Names)
                .Include(p => p.Addresses)
                .AsSingleQuery()
                .SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new NotFoundException("Page not found");

            // The access rule applies to the person each row joins to: relatives and household members the user may not see are left out.
            var visible = access.Visible(db.People);

            var outgoing = await db.Relationships.Where(r => r.PersonId == id && r.EndedOn == null)
                .Join(visible, r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.Kind, r.HasParentalResponsibility, r.Notes, p.Id, p.GivenNames, p.FamilyName, p.Type, p.DateOfBirth, Inverse = false })
                .ToListAsync(cancellationToken);
            var incoming = await db.Relationships.Where(r => r.RelatedPersonId == id && r.EndedOn == null)
                .Join(visible, r => r.PersonId, p => p.Id, (r, p) => new { r.Kind, r.HasParentalResponsibility, r.Notes, p.Id, p.GivenNames, p.FamilyName, p.Type, p.DateOfBirth, Inverse = true })
                .ToListAsync(cancellationToken);
            var relatives = outgoing.Concat(incoming)
                .Select(r => new RelativeRow(
                    r.Id, $"{r.GivenNames} {r.FamilyName}", r.Type, r.DateOfBirth,
                    r.Inverse ? Relationship.DescribeInverse(r.Kind) : Relationship.Describe(r.Kind),
                    !r.Inverse && r.HasParentalResponsibility, r.Notes))
                .OrderBy(r => r.Type).ThenBy(r => r.DateOfBirth)
                .ToList();

            var householdIds = db.Households.Where(h => h.Members.Any(m => m.PersonId == id && m.LeftOn == null)).Select(h => h.Id);
            var memberRows = await db.Households.Where(h => householdIds.Contains(h.Id))
                .SelectMany(h => h.Members.Where(m => m.LeftOn == null), (h, m) => new { h.Id, h.Name, m.PersonId, m.JoinedOn })
                .Join(visible, x => x.PersonId, p => p.Id, (x, p) => new { x.Id, x.Name, x.PersonId, x.JoinedOn, p.GivenNames, p.FamilyName, p.DateOfBirth })
                .ToListAsync(cancellationToken);
            var households = memberRows.GroupBy(m => (m.Id, m.Name))
                .Select(g => new HouseholdRow(g.Key.Id, g.Key.Name, [.. g.OrderBy(m => m.DateOfBirth).Select(m => new MemberRow(m.PersonId, $"{m.GivenNames} {m.FamilyName}", m.DateOfBirth, m.JoinedOn))]))
                .ToList();

            var allocations = await db.Allocations.Where(a => a.ChildId == id && a.EndedOn == null)
                .Join(db.Staff, a => a.WorkerId, s => s.Id, (a, s) => new { a, s.DisplayName })
                .Join(db.Teams, x => x.a.TeamId, t => t.Id, (x, t) => new AllocationRow(x.a.Id, x.DisplayName, t.Name, x.a.Role, x.a.StartedOn))
                .ToListAsync(cancellationToken);

            var today = UkTime.Today(clock);
            var header = await GetRecordHeader.LoadAsync(db, access, user, clock, id, cancellationToken);
            return new Record(
                person.Id, person.Version, person.Type, person.GivenNames, person.FamilyName,
                person.DateOfBirth, person.ExpectedDateOfBirth, person.DateOfDeath, person.AgeOn(today),
                person.Sex, person.GenderCode, person.EthnicityCode, person.DisabilityCodes, person.FirstLanguage, person.InterpreterRequired,
                person.NhsNumber, person.UniquePupilNumber, person.UpnUnknownReason,
                person.Restriction, person.RestrictionReviewDue,
                [.. person.Names.Where(n => n.Kind != NameKind.Current).OrderBy(n => n.Kind).Select(n => new NameRow(n.Kind, n.GivenNames, n.FamilyName, n.UsedUntil))],
                [.. person.Addresses.OrderByDescending(a => a.From).Select(a => new AddressRow(a.Line1, a.Line2, a.Town, a.Postcode, a.From, a.To))],
                relatives,
                households,
                [.. allocations.OrderBy(a => a.Role)],
                person.UpdatedAtUtc,
                person.UpdatedByName,
                header.CanRecord)
            {
                Header = header,
                ApproximateAge = person.ApproximateAgeOn(today),
                DateOfBirthNotKnownReason = person.DateOfBirthNotKnownReason,
            };
        }
    }
}
