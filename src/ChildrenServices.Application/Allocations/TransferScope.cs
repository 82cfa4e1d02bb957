using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>Which of the teams the current manager runs holds the child, and who would move with them.</summary>
internal static class TransferScope
{
    /// <summary>
    /// The team holding the child (the lead's team, see <see cref="RecordAccess.HoldingTeamIds"/>) if the current
    /// manager runs it. A co-worker's team does not hold the case, so its manager cannot transfer it.
    /// </summary>
    public static async Task<Guid?> SendingTeamAsync(IAppDbContext db, Guid managerId, Guid childId, CancellationToken ct)
    {
        var holding = RecordAccess.HoldingTeamIds(db, childId);
        return await db.Teams.Where(t => holding.Contains(t.Id) && t.ManagerId == managerId)
            .OrderBy(t => t.Name).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Brothers and sisters the same team holds: they may move with the child.</summary>
    public static async Task<List<Guid>> SiblingsHeldByAsync(IAppDbContext db, RecordAccess access, Guid childId, Guid teamId, CancellationToken ct)
    {
        var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
        return await db.Relationships
            .Where(r => r.EndedOn == null && siblingKinds.Contains(r.Kind) && (r.PersonId == childId || r.RelatedPersonId == childId))
            .Select(r => r.PersonId == childId ? r.RelatedPersonId : r.PersonId)
            .Where(access.Sees<Guid>(id => id)).Where(id => db.Allocations.Any(a => a.ChildId == id && a.TeamId == teamId && a.EndedOn == null))
            .Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// The children of an open early help episode the team holds: one family, one plan, so they move
    /// together.
    /// </summary>
    public static async Task<List<Guid>> FamilyInEpisodeAsync(IAppDbContext db, Guid childId, Guid teamId, CancellationToken ct) =>
        await db.EarlyHelpEpisodes
            .Where(e => e.EndedOn == null && e.TeamId == teamId && e.Children.Any(c => c.ChildId == childId))
            .SelectMany(e => e.Children).Select(c => c.ChildId).Distinct().ToListAsync(ct);
}
