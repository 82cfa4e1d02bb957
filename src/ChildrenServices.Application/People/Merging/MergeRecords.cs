using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>
/// Merge two records of the same person: everything recorded on the merged record moves to the survivor, the
/// merged record becomes a tombstone that redirects to it, and both records' audit trails say so.
/// </summary>
public static class MergeRecords
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid SurvivorId { get; init; }

        public Guid MergedId { get; init; }

        public Guid SurvivorVersion { get; init; }

        public Guid MergedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SurvivorId).NotEmpty().WithMessage("Select the record to keep");
            RuleFor(c => c.MergedId).NotEmpty().WithMessage("Select the record to merge into it")
                .NotEqual(c => c.SurvivorId).WithMessage("Select two different records to merge");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, PersonRowMover mover) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var survivorParty = await MergeRules.PartyAsync(db, user, command.SurvivorId, cancellationToken);
            var mergedParty = await MergeRules.PartyAsync(db, user, command.MergedId, cancellationToken);
            if (await MergeRules.RefusalAsync(db, survivorParty, mergedParty, cancellationToken) is { } refusal)
            {
                throw new Domain.Common.DomainRuleException(refusal, nameof(Command.MergedId));
            }

            var survivor = await db.People.SingleAsync(p => p.Id == command.SurvivorId, cancellationToken);
            var merged = await db.People.SingleAsync(p => p.Id == command.MergedId, cancellationToken);
            db.ExpectVersion(survivor, command.SurvivorVersion);
            db.ExpectVersion(merged, command.MergedVersion);

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.RequireUserId();
            var merge = new PersonMerge(survivor.Id, merged.Id, now, userId, user.DisplayName ?? "Unknown");
            await mover.MoveAsync(merge, UkTime.Today(clock), cancellationToken);
            merged.MergeInto(survivor.Id);
            db.PersonMerges.Add(merge);

            var action = Behaviours.MessageNames.Of(typeof(Command));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, survivor.Id, user.CorrelationId));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merged.Id, user.CorrelationId));
            return merge.Id;
        }
    }
}
