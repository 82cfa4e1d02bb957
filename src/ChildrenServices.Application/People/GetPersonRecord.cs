using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// A child's or adult's record: identity, family and network, who holds the case, and — for the record's overview
/// page (<paramref name="WithOverview"/>) — what is open, due and significant for a child. Every view is audited,
/// once: the overview is part of this one audited read, not a second one (ADR 0024). Three statements whatever the
/// size of the record: the header with the person's own columns, everything listed about the person (names,
/// addresses, relatives, household, allocations and the overview's rows) as one UNION ALL, and the due work.
/// </summary>
public static class GetPersonRecord
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId, bool WithOverview = false) : IQuery<Record>, IPersonScoped, IAudited;

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

        /// <summary>The overview of a child's record, when asked for; null for an adult (adults have no episodes of their own).</summary>
        public GetRecordOverview.Overview? Overview { get; init; }
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

    public sealed class Handler(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock, Timescales.StatutoryDueWork due) : IQueryHandler<Query, Record>
    {
        public async ValueTask<Record> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = query.PersonId;
            var (header, person) = await GetRecordHeader.LoadWithDetailsAsync(db, access, user, clock, id, cancellationToken);
            var withOverview = query.WithOverview && header.Type == PersonType.Child;

            // The access rule applies to the person each row joins to: relatives and household members the user may not see are left out.
            var visible = access.Visible(db.People);

            var names = db.PersonNames.Where(n => n.PersonId == id && n.Kind != NameKind.Current)
                .Select(n => new Row
                {
                    Kind = (int)RowKind.Name, Id = null, Id2 = null, T1 = n.GivenNames, T2 = n.FamilyName, T3 = null, T4 = null,
                    D1 = n.UsedUntil, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false, NameKind = n.Kind,
                    // Enums are stored as their names: a union takes a column's type from its first part, so this first
                    // part gives each enum column its own (no rows are read: WHERE 0), or every part's value would be read as a number.
                    PersonType = db.People.Where(p => false).Select(p => (PersonType?)p.Type).FirstOrDefault(),
                    Relationship = db.Relationships.Where(r => false).Select(r => (RelationshipKind?)r.Kind).FirstOrDefault(),
                    Role = db.Allocations.Where(a => false).Select(a => (AllocationRole?)a.Role).FirstOrDefault(),
                    Assessment = db.ChildAndFamilyAssessments.Where(a => false).Select(a => (Domain.SocialCare.AssessmentStatus?)a.Status).FirstOrDefault(),
                    NoteType = db.CaseNotes.Where(c => false).Select(c => (Domain.Recording.CaseNoteType?)c.Type).FirstOrDefault(),
                });
            var addresses = db.People.Where(p => p.Id == id).SelectMany(p => p.Addresses)
                .Select(a => new Row
                {
                    Kind = (int)RowKind.Address, Id = null, Id2 = null, T1 = a.Line1, T2 = a.Line2, T3 = a.Town, T4 = a.Postcode,
                    D1 = a.From, D2 = a.To, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false,
                    NameKind = null, PersonType = null, Relationship = null, Role = null, Assessment = null, NoteType = null,
                });
            var outgoing = db.Relationships.Where(r => r.PersonId == id && r.EndedOn == null)
                .Join(visible, r => r.RelatedPersonId, p => p.Id, (r, p) => new Row
                {
                    Kind = (int)RowKind.Relative, Id = p.Id, Id2 = null, T1 = p.GivenNames + " " + p.FamilyName, T2 = r.Notes, T3 = null, T4 = null,
                    D1 = p.DateOfBirth, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = r.HasParentalResponsibility,
                    NameKind = null, PersonType = p.Type, Relationship = r.Kind, Role = null, Assessment = null, NoteType = null,
                });
            var incoming = db.Relationships.Where(r => r.RelatedPersonId == id && r.EndedOn == null)
                .Join(visible, r => r.PersonId, p => p.Id, (r, p) => new Row
                {
                    Kind = (int)RowKind.InverseRelative, Id = p.Id, Id2 = null, T1 = p.GivenNames + " " + p.FamilyName, T2 = r.Notes, T3 = null, T4 = null,
                    D1 = p.DateOfBirth, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false,
                    NameKind = null, PersonType = p.Type, Relationship = r.Kind, Role = null, Assessment = null, NoteType = null,
                });
            var householdIds = db.Households.Where(h => h.Members.Any(m => m.PersonId == id && m.LeftOn == null)).Select(h => h.Id);
            var members = db.Households.Where(h => householdIds.Contains(h.Id))
                .SelectMany(h => h.Members.Where(m => m.LeftOn == null), (h, m) => new { h.Id, h.Name, m.PersonId, m.JoinedOn })
                .Join(visible, x => x.PersonId, p => p.Id, (x, p) => new Row
                {
                    Kind = (int)RowKind.HouseholdMember, Id = x.Id, Id2 = x.PersonId, T1 = x.Name, T2 = p.GivenNames + " " + p.FamilyName, T3 = null, T4 = null,
                    D1 = x.JoinedOn, D2 = p.DateOfBirth, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false,
                    NameKind = null, PersonType = null, Relationship = null, Role = null, Assessment = null, NoteType = null,
                });
            var allocations = db.Allocations.Where(a => a.ChildId == id && a.EndedOn == null)
                .Select(a => new Row
                {
                    Kind = (int)RowKind.Allocation, Id = a.Id, Id2 = null,
                    T1 = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                    T2 = db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault(),
                    T3 = null, T4 = null,
                    D1 = a.StartedOn, D2 = null, D3 = null, D4 = null, D5 = null, D6 = null, D7 = null, At = null, B1 = false,
                    NameKind = null, PersonType = null, Relationship = null, Role = a.Role, Assessment = null, NoteType = null,
                });
            var rows = names.Concat(addresses).Concat(outgoing).Concat(incoming).Concat(members).Concat(allocations);
            if (withOverview)
            {
                rows = rows.Concat(GetRecordOverview.Rows(db, id));
            }

            var listed = await rows.ToListAsync(cancellationToken);
            List<Row> Of(RowKind kind) => [.. listed.Where(r => r.Kind == (int)kind)];

            var relatives = Of(RowKind.Relative).Concat(Of(RowKind.InverseRelative))
                .Select(r =>
                {
                    var inverse = r.Kind == (int)RowKind.InverseRelative;
                    var kind = r.Relationship!.Value;
                    return new RelativeRow(
                        r.Id!.Value, r.T1!, r.PersonType!.Value, r.D1,
                        inverse ? Relationship.DescribeInverse(kind) : Relationship.Describe(kind),
                        !inverse && r.B1, r.T2);
                })
                .OrderBy(r => r.Type).ThenBy(r => r.DateOfBirth)
                .ToList();
            var households = Of(RowKind.HouseholdMember).GroupBy(m => (Id: m.Id!.Value, Name: m.T1!))
                .Select(g => new HouseholdRow(g.Key.Id, g.Key.Name, [.. g.OrderBy(m => m.D2).Select(m => new MemberRow(m.Id2!.Value, m.T2!, m.D2, m.D1!.Value))]))
                .ToList();

            var overview = withOverview
                ? GetRecordOverview.From(listed.Where(r => r.Kind >= GetRecordOverview.FirstRowKind).ToList(),
                    [.. (await due.ForLeadsAsync(a => a.ChildId == id, cancellationToken)).Take(GetRecordOverview.DueItems)])
                : null;

            return new Record(
                header.Id, header.Version, header.Type, header.GivenNames, header.FamilyName,
                header.DateOfBirth, header.ExpectedDateOfBirth, header.DateOfDeath, header.Age,
                person.Sex, person.EthnicityCode, person.DisabilityCodes, person.FirstLanguage, person.InterpreterRequired,
                header.NhsNumber, person.UniquePupilNumber, person.UpnUnknownReason,
                header.Restriction, person.RestrictionReviewDue,
                [.. Of(RowKind.Name).OrderBy(n => n.NameKind).Select(n => new NameRow(n.NameKind!.Value, n.T1!, n.T2!, n.D1))],
                [.. Of(RowKind.Address).OrderByDescending(a => a.D1).Select(a => new AddressRow(a.T1!, a.T2, a.T3, a.T4!, a.D1!.Value, a.D2))],
                relatives,
                households,
                [.. Of(RowKind.Allocation).OrderBy(a => a.Role).Select(a => new AllocationRow(a.Id!.Value, a.T1!, a.T2!, a.Role!.Value, a.D1!.Value))],
                person.UpdatedAtUtc,
                person.UpdatedByName,
                header.CanRecord)
            {
                Header = header,
                ApproximateAge = header.ApproximateAge,
                DateOfBirthNotKnownReason = header.DateOfBirthNotKnownReason,
                Overview = overview,
            };
        }
    }

    internal enum RowKind
    {
        Name = 1,
        Address = 2,
        Relative = 3,
        InverseRelative = 4,
        HouseholdMember = 5,
        Allocation = 6,
    }

    /// <summary>
    /// One row of the record's listing statement (a UNION ALL needs one shape): what each field holds depends on
    /// <see cref="Kind"/> (<see cref="RowKind"/> here, the overview's kinds in <see cref="GetRecordOverview"/>).
    /// </summary>
    internal sealed class Row
    {
        public int Kind { get; init; }

        public Guid? Id { get; init; }

        public Guid? Id2 { get; init; }

        public string? T1 { get; init; }

        public string? T2 { get; init; }

        public string? T3 { get; init; }

        public string? T4 { get; init; }

        public DateOnly? D1 { get; init; }

        public DateOnly? D2 { get; init; }

        public DateOnly? D3 { get; init; }

        public DateOnly? D4 { get; init; }

        public DateOnly? D5 { get; init; }

        public DateOnly? D6 { get; init; }

        public DateOnly? D7 { get; init; }

        public DateTime? At { get; init; }

        public bool B1 { get; init; }

        // Enums are stored as text (their names), so each kept in a column of its own type, never cast to a number in SQL.
        public NameKind? NameKind { get; init; }

        public PersonType? PersonType { get; init; }

        public RelationshipKind? Relationship { get; init; }

        public AllocationRole? Role { get; init; }

        public Domain.SocialCare.AssessmentStatus? Assessment { get; init; }

        public Domain.Recording.CaseNoteType? NoteType { get; init; }
    }
}
