using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// What the identity bar on every page about a person shows: who they are, what is open for them, who
/// holds the case and the alerts that must never be missed. One projection (one SQL statement), not
/// the whole record, so a page about a child stays cheap. Every view is audited like the record.
/// </summary>
public static class GetRecordHeader
{
    /// <summary>A contact received within this many days is an alert on the child's record.</summary>
    public const int RecentContactDays = 28;

    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<Header>, IPersonScoped, IAudited;

    public enum Status
    {
        OpenReferral = 1,
        EarlyHelp = 2,
        ChildInNeedPlan = 3,
        ChildProtectionPlan = 4,
        LookedAfter = 5,

        /// <summary>Pre-proceedings under the Public Law Outline are open: no decision yet to issue care proceedings or step down.</summary>
        PreProceedings = 6,
    }

    public enum AlertKind
    {
        Restricted = 1,
        MissingFromCare = 2,
        RecentContact = 3,
        ReReferral = 4,
        DateOfBirthNotKnown = 5,
    }

    /// <summary>What is open for the child; <paramref name="Code"/> is the CP category or the legal status.</summary>
    public sealed record StatusTag(Status Status, string? Code);

    /// <summary>Something a reader must not miss; <paramref name="Since"/> is when it started.</summary>
    public sealed record Alert(AlertKind Kind, DateOnly? Since);

    public sealed record Header(
        Guid Id,
        Guid Version,
        PersonType Type,
        string GivenNames,
        string FamilyName,
        DateOnly? DateOfBirth,
        DateOnly? ExpectedDateOfBirth,
        DateOnly? DateOfDeath,
        int? Age,
        int? ApproximateAge,
        string? DateOfBirthNotKnownReason,
        string? NhsNumber,
        RestrictionReason? Restriction,
        string? LeadWorkerName,
        string? LeadTeamName,
        IReadOnlyList<StatusTag> Statuses,
        IReadOnlyList<Alert> Alerts,
        bool CanRecord)
    {
        public string FullName => $"{GivenNames} {FamilyName}";

        /// <summary>The council's local identifier (the returns' LAchildID).</summary>
        public string? LocalId { get; init; }

        /// <summary>UASC status and its dates (SSDA903 UASC, DUC).</summary>
        public (bool Uasc, DateOnly? From, DateOnly? CeasedOn) UascStatus { get; init; }

        /// <summary>Whether the young person is a mother, and her first child's date of birth (SSDA903 MOTHER, MC_DOB).</summary>
        public (bool? IsMother, DateOnly? FirstChildBornOn) Motherhood { get; init; }

        public Sex Sex { get; init; }

        public bool DateOfBirthNotKnown => DateOfBirth is null && ExpectedDateOfBirth is null;

        public bool Has(Status status) => Statuses.Any(s => s.Status == status);
    }

    /// <summary>The status tags, in the order the pathway runs, from facts a query has projected (the header, search results).</summary>
    public static IReadOnlyList<StatusTag> StatusesFrom(bool openReferral, bool earlyHelp, bool childInNeed, string? protectionCategory, string? legalStatus, bool preProceedings)
    {
        var statuses = new List<StatusTag>();
        if (openReferral)
        {
            statuses.Add(new StatusTag(Status.OpenReferral, null));
        }

        if (earlyHelp)
        {
            statuses.Add(new StatusTag(Status.EarlyHelp, null));
        }

        if (childInNeed)
        {
            statuses.Add(new StatusTag(Status.ChildInNeedPlan, null));
        }

        if (protectionCategory is not null)
        {
            statuses.Add(new StatusTag(Status.ChildProtectionPlan, protectionCategory));
        }

        if (preProceedings)
        {
            statuses.Add(new StatusTag(Status.PreProceedings, null));
        }

        if (legalStatus is not null)
        {
            statuses.Add(new StatusTag(Status.LookedAfter, legalStatus));
        }

        return statuses;
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Header>
    {
        public async ValueTask<Header> Handle(Query query, CancellationToken cancellationToken) =>
            await LoadAsync(db, access, user, clock, query.PersonId, cancellationToken);
    }

    /// <summary>
    /// The header's one statement, shared with <see cref="GetPersonRecord"/> so a page that shows the full
    /// record reads (and audits) the person once. Callers have already applied the record-access rule.
    /// </summary>
    internal static async Task<Header> LoadAsync(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        (await LoadWithDetailsAsync(db, access, user, clock, id, cancellationToken)).Header;

    /// <summary>
    /// The person's own columns a record page shows besides the header (sex, codes, language, UPN, the last change),
    /// read in the header's one statement: a few short columns, so the statement is the same for every page.
    /// </summary>
    internal sealed record PersonDetails(
        Sex Sex, string? EthnicityCode, List<string> DisabilityCodes, string? FirstLanguage, bool InterpreterRequired,
        string? UniquePupilNumber, string? UpnUnknownReason, DateOnly? RestrictionReviewDue, DateTime UpdatedAtUtc, string? UpdatedByName);

    /// <summary>The header and the person's own columns, in the header's one statement.</summary>
    internal static async Task<(Header Header, PersonDetails Details)> LoadWithDetailsAsync(IAppDbContext db, RecordAccess access, ICurrentUser user, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? Guid.Empty;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var recentSince = nowUtc.AddDays(-RecentContactDays);
        var openAllocations = db.Allocations.Where(a => a.ChildId == id && a.EndedOn == null);
        var holdingTeams = RecordAccess.HoldingTeamIds(db, id);

        // One statement: every part below is a correlated subquery of this one row.
        var row = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.Version, p.Type, p.LocalId, p.Uasc, p.UascFrom, p.UascCeasedOn, p.IsMother, p.FirstChildBornOn, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.DateOfDeath,
                p.ApproximateDateOfBirth, p.DateOfBirthNotKnownReason, p.NhsNumber, p.Restriction, p.RestrictedOn,
                p.Sex, p.EthnicityCode, p.DisabilityCodes, p.FirstLanguage, p.InterpreterRequired,
                p.UniquePupilNumber, p.UpnUnknownReason, p.RestrictionReviewDue, p.UpdatedAtUtc, p.UpdatedByName,
                // Scalars only: an object-valued subquery needs APPLY, which SQLite does not have.
                LeadWorker = openAllocations.Where(a => a.Role == Domain.Allocations.AllocationRole.Lead)
                    .Join(db.Staff, a => a.WorkerId, s => s.Id, (a, s) => s.DisplayName).FirstOrDefault(),
                LeadTeam = openAllocations.Where(a => a.Role == Domain.Allocations.AllocationRole.Lead)
                    .Join(db.Teams, a => a.TeamId, t => t.Id, (a, t) => t.Name).FirstOrDefault(),
                // The same rule as RecordAccess.CanRecordAsync: an allocated worker, or the manager of the team
                // holding the case (the lead's; co-working gives a co-worker's manager nothing).
                HeldByMe = openAllocations.Any(a => a.WorkerId == me) || db.Teams.Any(t => t.ManagerId == me && holdingTeams.Contains(t.Id)),
                Held = openAllocations.Any(),
                OpenReferral = db.Referrals.Any(r => r.ChildId == id && r.Status == ReferralStatus.Open),
                ReReferredOn = db.Referrals.Where(r => r.ChildId == id && r.Status == ReferralStatus.Open && r.IsReReferral)
                    .OrderByDescending(r => r.ReferralDate).Select(r => (DateOnly?)r.ReferralDate).FirstOrDefault(),
                EarlyHelp = db.EarlyHelpEpisodes.Where(e => e.EndedOn == null).SelectMany(e => e.Children).Any(c => c.ChildId == id),
                ChildInNeed = db.ChildInNeedPlans.Any(c => c.ChildId == id && c.EndedOn == null),
                ProtectionCategory = db.ChildProtectionPlans.Where(c => c.ChildId == id && c.EndedOn == null)
                    .Select(c => c.LatestCategory).FirstOrDefault(),
                PreProceedings = db.PreProceedings.Any(c => c.ChildId == id && c.DecidedOn == null),
                LegalStatus = db.PeriodsOfCare.Where(c => c.ChildId == id && c.EndedOn == null)
                    .SelectMany(c => c.Episodes).Where(e => e.EndedOn == null)
                    .OrderByDescending(e => e.StartedOn).Select(e => e.LegalStatus).FirstOrDefault(),
                MissingSince = db.PeriodsOfCare.Where(c => c.ChildId == id && c.EndedOn == null)
                    .SelectMany(c => c.MissingEpisodes).Where(m => m.EndedOn == null)
                    .OrderBy(m => m.StartedOn).Select(m => (DateOnly?)m.StartedOn).FirstOrDefault(),
                LastContactAtUtc = db.Contacts.Where(c => c.ReceivedAtUtc >= recentSince && c.People.Any(cp => cp.PersonId == id))
                    .OrderByDescending(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Page not found");

        var today = UkTime.Today(clock);
        var statuses = StatusesFrom(row.OpenReferral, row.EarlyHelp, row.ChildInNeed, row.ProtectionCategory, row.LegalStatus, row.PreProceedings);

        var alerts = new List<Alert>();
        if (row.Restriction is not null)
        {
            alerts.Add(new Alert(AlertKind.Restricted, row.RestrictedOn));
        }

        if (row.MissingSince is { } missing)
        {
            alerts.Add(new Alert(AlertKind.MissingFromCare, missing));
        }

        if (row.ReReferredOn is { } again)
        {
            alerts.Add(new Alert(AlertKind.ReReferral, again));
        }

        if (row.LastContactAtUtc is { } contactAt)
        {
            alerts.Add(new Alert(AlertKind.RecentContact, DateOnly.FromDateTime(UkTime.ToLocal(contactAt))));
        }

        if (row.DateOfBirth is null && row.ExpectedDateOfBirth is null)
        {
            alerts.Add(new Alert(AlertKind.DateOfBirthNotKnown, null));
        }

        int? age = row.DateOfBirth is { } born
            ? Person.AgeBetween(born, row.DateOfDeath is { } died && died < today ? died : today)
            : null;
        var header = new Header(
            row.Id, row.Version, row.Type, row.GivenNames, row.FamilyName, row.DateOfBirth, row.ExpectedDateOfBirth, row.DateOfDeath,
            age, Person.ApproximateAge(row.ApproximateDateOfBirth, row.DateOfBirth, today), row.DateOfBirthNotKnownReason,
            row.NhsNumber, row.Restriction, row.LeadWorker, row.LeadTeam, statuses, alerts,
            access.CanRecord(row.Type, row.HeldByMe, row.Held))
        {
            LocalId = row.LocalId,
            UascStatus = (row.Uasc, row.UascFrom, row.UascCeasedOn),
            Motherhood = (row.IsMother, row.FirstChildBornOn),
            Sex = row.Sex,
        };
        return (header, new PersonDetails(
            row.Sex, row.EthnicityCode, row.DisabilityCodes, row.FirstLanguage, row.InterpreterRequired,
            row.UniquePupilNumber, row.UpnUnknownReason, row.RestrictionReviewDue, row.UpdatedAtUtc, row.UpdatedByName));
    }
}
