using System.Linq.Expressions;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Security;

/// <summary>
/// The one rule for which people a user may see and on which they may record. Every search, list,
/// count and page that shows identifiable people goes through <see cref="Visible"/>.
/// </summary>
public sealed class RecordAccess(IAppDbContext db, ICurrentUser user)
{
    /// <summary>
    /// People the current user may know exist: unrestricted ones, plus restricted ones they are allowed. A record
    /// merged into another (a tombstone) is not a person any more: its pages redirect to the survivor.
    /// </summary>
    public IQueryable<Person> Visible(IQueryable<Person> people)
    {
        var userId = user.UserId ?? Guid.Empty;
        return people.Where(VisibleTo(userId));
    }

    public static Expression<Func<Person, bool>> VisibleTo(Guid userId) =>
        p => p.MergedIntoId == null && (p.Restriction == null || p.RestrictionGrants.Any(g => g.UserId == userId));

    /// <summary>Person ids the user may see, for filtering rows that hang off a person.</summary>
    public IQueryable<Guid> VisibleIds() => Visible(db.People).Select(p => p.Id);

    /// <summary>
    /// Contacts the user may know exist: every person on them is visible to the user. A contact about a
    /// restricted child is as invisible as the child.
    /// </summary>
    public IQueryable<Contact> VisibleContacts(IQueryable<Contact> contacts)
    {
        var visible = VisibleIds();
        return contacts.Where(c => c.People.All(p => visible.Contains(p.PersonId)));
    }

    public async Task<bool> CanSeeContactAsync(Guid contactId, CancellationToken ct) =>
        await VisibleContacts(db.Contacts).AnyAsync(c => c.Id == contactId, ct);

    public async Task<bool> CanSeeEpisodeAsync(Guid episodeId, CancellationToken ct)
    {
        var visible = VisibleIds();
        return await db.EarlyHelpEpisodes.AnyAsync(e => e.Id == episodeId && e.Children.All(c => visible.Contains(c.ChildId)), ct);
    }

    /// <summary>The keyworker, or a manager of the team holding the episode, records on it.</summary>
    public async Task<bool> CanRecordEpisodeAsync(Guid episodeId, CancellationToken ct)
    {
        var userId = user.UserId ?? Guid.Empty;
        return await db.EarlyHelpEpisodes.AnyAsync(
            e => e.Id == episodeId && (e.KeyworkerId == userId || db.Teams.Any(t => t.Id == e.TeamId && t.ManagerId == userId)), ct);
    }

    public async Task<bool> CanSeeAsync(Guid personId, CancellationToken ct) =>
        await Visible(db.People).AnyAsync(p => p.Id == personId, ct);

    /// <summary>
    /// Recording (changing a record) needs a relationship to it: the allocated worker, the manager of a
    /// team holding it, or — while nobody holds it — the front door and managers, who decide where it goes.
    /// </summary>
    public async Task<bool> CanRecordAsync(Guid personId, CancellationToken ct)
    {
        var userId = user.UserId ?? Guid.Empty;
        var holders = db.Allocations.Where(a => a.ChildId == personId && a.EndedOn == null);

        if (await holders.AnyAsync(a => a.WorkerId == userId, ct))
        {
            return true;
        }

        if (await holders.AnyAsync(a => db.Teams.Any(t => t.Id == a.TeamId && t.ManagerId == userId), ct))
        {
            return true;
        }

        // An adult is recorded by whoever works with the children around them; adults are not allocated.
        var isChild = await db.People.AnyAsync(p => p.Id == personId && p.Type == PersonType.Child, ct);
        if (!isChild)
        {
            return user.HasPermission(Permission.RecordPeople);
        }

        var held = await holders.AnyAsync(ct);
        return !held && (user.IsInRole(Roles.FrontDoorPractitioner) || user.IsInRole(Roles.TeamManager));
    }

    /// <summary>
    /// A review's outcome is recorded by the independent reviewing officer who chaired it, who never holds
    /// the case: any child they may see. Holding the case is not enough — the chair must be independent of it.
    /// </summary>
    public async Task<bool> CanRecordReviewOutcomeAsync(Guid personId, CancellationToken ct) =>
        user.HasPermission(Permission.RecordReviewOutcomes) && await CanSeeAsync(personId, ct);

    /// <summary>Whether the user may send this person-scoped command: a review outcome by its rule, anything else by <see cref="CanRecordAsync"/>.</summary>
    public Task<bool> CanRecordAsync(IPersonScoped command, CancellationToken ct) =>
        command is IReviewOutcome
            ? CanRecordReviewOutcomeAsync(command.PersonId, ct)
            : CanRecordAsync(command.PersonId, ct);
}
