using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.Drafts;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Drafts;

/// <summary>
/// Record access for drafts, by what the draft is about: the permission that shows that kind of record,
/// and every person it is about visible to the user (as for contacts and episodes themselves).
/// </summary>
internal static class DraftAccess
{
    public static Permission PermissionFor(DraftScope scope) => scope switch
    {
        DraftScope.Contact => Permission.ViewFrontDoor,
        DraftScope.Approval => Permission.DecideApprovals,
        _ => Permission.ViewChildRecord,
    };

    /// <summary>The people the scope is about, or null when it does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>?> PeopleAsync(IAppDbContext db, DraftScope scope, Guid id, CancellationToken ct)
    {
        switch (scope)
        {
            case DraftScope.Person:
                return await db.People.AnyAsync(p => p.Id == id, ct) ? [id] : null;
            case DraftScope.Contact:
                return await db.Contacts.AnyAsync(c => c.Id == id, ct)
                    ? await db.Contacts.Where(c => c.Id == id).SelectMany(c => c.People.Select(p => p.PersonId)).ToListAsync(ct)
                    : null;
            case DraftScope.Episode:
                return await db.EarlyHelpEpisodes.AnyAsync(e => e.Id == id, ct)
                    ? await db.EarlyHelpEpisodes.Where(e => e.Id == id).SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync(ct)
                    : null;
            case DraftScope.Approval:
                return await db.ApprovalRequests.AnyAsync(r => r.Id == id, ct)
                    ? await db.ApprovalRequests.Where(r => r.Id == id).SelectMany(r => r.Children.Select(c => c.ChildId)).ToListAsync(ct)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The people the scope is about when the user may see all of them, else null.</summary>
    public static async Task<IReadOnlyList<Guid>?> VisiblePeopleAsync(IAppDbContext db, ICurrentUser user, RecordAccess access, DraftScope scope, Guid id, CancellationToken ct)
    {
        if (!user.HasPermission(PermissionFor(scope)))
        {
            return null;
        }

        var people = await PeopleAsync(db, scope, id, ct);
        if (people is null)
        {
            return null;
        }

        foreach (var person in people)
        {
            if (!await access.CanSeeAsync(person, ct))
            {
                return null;
            }
        }

        return people;
    }

    /// <summary>As <see cref="VisiblePeopleAsync"/>, refusing with the same answer as for an id that does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>> DemandAsync(IAppDbContext db, ICurrentUser user, RecordAccess access, DraftScope scope, Guid id, CancellationToken ct) =>
        await VisiblePeopleAsync(db, user, access, scope, id, ct) ?? throw new NotFoundException("Page not found");

    /// <summary>An audit row on each record the draft is about (one with no person for a contact about no one yet).</summary>
    public static void Audit(IAppDbContext db, ICurrentUser user, string action, IReadOnlyList<Guid> people, DateTime nowUtc)
    {
        if (people.Count == 0)
        {
            db.AuditEntries.Add(new AuditEntry(nowUtc, user.UserId, action, null, user.CorrelationId));
        }

        foreach (var person in people)
        {
            db.AuditEntries.Add(new AuditEntry(nowUtc, user.UserId, action, person, user.CorrelationId));
        }
    }
}
