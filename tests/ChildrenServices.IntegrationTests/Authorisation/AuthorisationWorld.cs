using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Authorisation;

/// <summary>How a probing colleague stands to the child a page or use case is about.</summary>
public enum Relation
{
    /// <summary>Works the case: an open allocation on the child (a team manager: manages the team holding it; a reviewing officer: is its IRO).</summary>
    Own,

    /// <summary>In the team holding the child, not allocated (a team manager: in the team, not its manager).</summary>
    SameTeam,

    /// <summary>In (or managing) a team that does not hold the child.</summary>
    OtherTeam,

    /// <summary>The child's record is restricted and the colleague (from another team) is on its allow-list.</summary>
    RestrictedAllowed,

    /// <summary>The child's record is restricted and the colleague (in the holding team) is not on its allow-list.</summary>
    RestrictedNotAllowed,
}

/// <summary>
/// The data every probe of the authorisation matrix runs against: the demo council (so every kind of record exists, made
/// through the use cases), plus three colleagues of every role standing in a known relation to each subject child:
/// allocated to them, in the team holding them, in another team. The restricted relations reuse the other-team colleague
/// (put on the allow-list) and the same-team one (left off it) once the subjects are restricted.
/// </summary>
public sealed class AuthorisationWorld
{
    public static readonly IReadOnlyList<string> RoleOrder =
    [
        Roles.FrontDoorPractitioner, Roles.FamilyKeyworker, Roles.SocialWorker, Roles.TeamManager,
        Roles.ReviewingOfficer, Roles.PerformanceOfficer, Roles.Administrator, Roles.DataProtectionOfficer,
    ];

    public static readonly IReadOnlyDictionary<string, string> Short = new Dictionary<string, string>
    {
        [Roles.FrontDoorPractitioner] = "FD", [Roles.FamilyKeyworker] = "KW", [Roles.SocialWorker] = "SW", [Roles.TeamManager] = "TM",
        [Roles.ReviewingOfficer] = "IRO", [Roles.PerformanceOfficer] = "PO", [Roles.Administrator] = "AD", [Roles.DataProtectionOfficer] = "DPO",
    };

    /// <summary>(role, relation) → the colleague who probes. Restricted relations map to the other-team and same-team colleagues.</summary>
    public Dictionary<(string Role, Relation Relation), Guid> Users { get; } = [];

    /// <summary>The looked-after child whose record the person pages are probed on.</summary>
    public Guid Child { get; set; }

    public Guid NoteId { get; set; }

    public Guid NoteChild { get; set; }

    public Guid MissingId { get; set; }

    public Guid MissingChild { get; set; }

    public Guid OrderId { get; set; }

    public Guid OrderChild { get; set; }

    public Guid LeadAllocationId { get; set; }

    public Guid ContactId { get; set; }

    public Guid CheckId { get; set; }

    public Guid CheckContactId { get; set; }

    public Guid EpisodeId { get; set; }

    public Guid GoalId { get; set; }

    public Guid EarlyHelpRequestId { get; set; }

    public Guid ApprovalId { get; set; }

    public Guid TransferId { get; set; }

    public Guid MergeId { get; set; }

    public Guid NotificationId { get; set; }

    public Guid Worker { get; set; }

    public Guid TargetUser { get; set; }

    public Guid HoldingTeam { get; set; }

    /// <summary>Every child some probe is about: each gets the relations above, and each is restricted for the restricted relations.</summary>
    public HashSet<Guid> Subjects { get; } = [];

    /// <summary>The children each kind of entity in a route is about (contact, episode, request, approval, transfer, merge).</summary>
    public Dictionary<Guid, IReadOnlyList<Guid>> ChildrenOf { get; } = [];

    public Guid UserFor(string role, Relation relation) => Users[(role, relation switch
    {
        Relation.RestrictedAllowed => Relation.OtherTeam,
        Relation.RestrictedNotAllowed => Relation.SameTeam,
        _ => relation,
    })];

    /// <summary>
    /// Finds in the seeded council one of each thing a route names, about children held by a team. The demo seed is the same
    /// every run (fixed random seeds) but its ids are not, so each pick is by content (names, dates), never by id.
    /// </summary>
    public async Task FindAsync(AppDbContext db)
    {
        var held = db.Allocations.Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => a.ChildId);
        // Not the 16-year-old in supported accommodation: a deprivation of liberty order cannot overlap a K3 placement (DfE rule 710).
        var lookedAfter = await db.People.Where(p => held.Contains(p.Id) && db.PeriodsOfCare.Any(c => c.ChildId == p.Id && c.EndedOn == null))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).ThenBy(p => p.DateOfBirth)
            .Select(p => new { p.Id, Placements = db.PeriodsOfCare.Where(c => c.ChildId == p.Id).SelectMany(c => c.Episodes).Select(e => e.Placement.Type).ToList() })
            .ToListAsync();
        Child = lookedAfter.Where(l => !l.Placements.Contains("K3")).Select(l => l.Id).DefaultIfEmpty(lookedAfter[0].Id).First();
        var period = db.PeriodsOfCare.Where(p => p.ChildId == Child && p.EndedOn == null);
        MissingId = await period.SelectMany(p => p.MissingEpisodes).OrderBy(m => m.StartedOn).Select(m => m.Id).FirstOrDefaultAsync();
        OrderId = await period.SelectMany(p => p.DeprivationOfLibertyOrders).OrderBy(o => o.StartedOn).Select(o => o.Id).FirstOrDefaultAsync();
        (MissingChild, OrderChild, NoteChild) = (Child, Child, Child);
        LeadAllocationId = await db.Allocations.Where(a => a.ChildId == Child && a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => a.Id).SingleAsync();
        Worker = await db.Allocations.Where(a => a.Id == LeadAllocationId).Select(a => a.WorkerId).SingleAsync();
        HoldingTeam = await db.Allocations.Where(a => a.Id == LeadAllocationId).Select(a => a.TeamId).SingleAsync();

        var contacts = await db.Contacts.Where(c => c.People.Any() && c.People.All(p => held.Contains(p.PersonId)))
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Reference)
            .Select(c => new { c.Id, People = c.People.Select(p => p.PersonId).ToList(), Checks = c.MashChecks.Count })
            .ToListAsync();
        var contact = contacts.Where(c => c.People.Contains(Child)).DefaultIfEmpty(contacts[0]).First();
        (ContactId, ChildrenOf[contact.Id]) = (contact.Id, contact.People);
        // Partner-agency checks are made on contacts still at the front door, often about children nobody holds yet: the
        // world gives any such child a holder (AuthorisationMatrixTests.RelateAsync).
        var checkContact = await db.Contacts.Where(c => c.People.Any() && c.MashChecks.Any())
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Reference)
            .Select(c => new { c.Id, People = c.People.Select(p => p.PersonId).ToList() }).FirstAsync();
        CheckId = await db.Contacts.Where(c => c.Id == checkContact.Id).SelectMany(c => c.MashChecks).OrderBy(m => m.Agency).Select(m => m.Id).FirstAsync();
        (CheckContactId, ChildrenOf[checkContact.Id]) = (checkContact.Id, checkContact.People);

        var approval = await db.ApprovalRequests.Where(a => a.Status == ApprovalStatus.Pending && a.EpisodeId != null)
            .OrderBy(a => a.RequestedAtUtc).Select(a => new { a.Id, Episode = a.EpisodeId!.Value, Children = a.Children.Select(c => c.ChildId).ToList() }).FirstAsync();
        (ApprovalId, ChildrenOf[approval.Id]) = (approval.Id, approval.Children);
        EpisodeId = approval.Episode;
        ChildrenOf[EpisodeId] = await db.EarlyHelpEpisodes.Where(e => e.Id == EpisodeId).SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync();
        GoalId = await db.FamilyPlans.Where(p => p.EpisodeId == EpisodeId).SelectMany(p => p.Goals).OrderBy(g => g.Description).Select(g => g.Id).FirstOrDefaultAsync();

        var request = await db.EarlyHelpRequests.Where(r => r.Status == EarlyHelpRequestStatus.Pending).OrderBy(r => r.RequestedOn).ThenBy(r => r.Status)
            .Select(r => new { r.Id, Children = r.Children.Select(c => c.ChildId).ToList() }).FirstOrDefaultAsync();
        if (request is not null)
        {
            (EarlyHelpRequestId, ChildrenOf[request.Id]) = (request.Id, request.Children);
        }

        NotificationId = await db.Notifications.OrderBy(x => x.CreatedAtUtc).ThenBy(x => x.Text).Select(x => x.Id).FirstOrDefaultAsync();
    }

    /// <summary>A held child other than the record's, by name: the one the world's pending transfer moves.</summary>
    public async Task<Guid> AnotherHeldChildAsync(AppDbContext db)
    {
        var held = db.Allocations.Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => a.ChildId);
        return await db.People.Where(p => p.Id != Child && held.Contains(p.Id) && p.Type == PersonType.Child)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).ThenBy(p => p.DateOfBirth).Select(p => p.Id).FirstAsync();
    }

    public string Describe() =>
        $"child {Child}, note {NoteId}, missing {MissingId}, order {OrderId}, contact {ContactId}, check {CheckId}, episode {EpisodeId}, goal {GoalId}, " +
        $"request {EarlyHelpRequestId}, approval {ApprovalId}, transfer {TransferId}, merge {MergeId}, notification {NotificationId}";
}
