using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>Undo a merge within the set period: exactly the rows it moved go back, and the tombstone is a record again.</summary>
public static class UndoMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Command : ICommand, IVersioned
    {
        public Guid MergeId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings, PersonRowMover mover) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var merge = await db.PersonMerges.Include(m => m.MovedRows).SingleOrDefaultAsync(m => m.Id == command.MergeId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            _ = await MergeRules.PartyAsync(db, user, merge.SurvivorId, cancellationToken, includeMerged: true);
            _ = await MergeRules.PartyAsync(db, user, merge.MergedId, cancellationToken, includeMerged: true);
            db.ExpectVersion(merge, command.Version);
            if (await db.People.Where(p => p.Id == merge.SurvivorId).Select(p => p.MergedIntoId).SingleAsync(cancellationToken) is not null)
            {
                // The rows this merge moved have moved on again with the survivor: undo the later merge first.
                throw new Domain.Common.DomainRuleException(
                    $"The record kept by this merge has since been merged into another record. Undo that merge first", "MergeId");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.RequireUserId();
            merge.Undo(now, settings.UndoPeriodDays, userId, user.DisplayName ?? "Unknown");
            await mover.MoveBackAsync(merge, cancellationToken);

            var merged = await db.People.SingleAsync(p => p.Id == merge.MergedId, cancellationToken);
            merged.UnMerge();
            var survivor = await db.People.SingleAsync(p => p.Id == merge.SurvivorId, cancellationToken);
            db.Entry(survivor).Property(p => p.Version).IsModified = true;

            var action = Behaviours.MessageNames.Of(typeof(Command));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merge.SurvivorId, user.CorrelationId));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merge.MergedId, user.CorrelationId));
            return Unit.Value;
        }
    }
}
