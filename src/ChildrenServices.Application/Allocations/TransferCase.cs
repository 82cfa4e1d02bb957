using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>
/// A manager of the team holding a child transfers the case to another team with a handover note. The
/// sending team keeps the case until the receiving team accepts and allocates, so the family is never
/// without a worker. Siblings the team holds may come too; an early help family moves as one.
/// </summary>
public static class TransferCase
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? ToTeamId { get; init; }

        public List<Guid> SiblingIds { get; init; } = [];

        public string? HandoverNote { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.ToTeamId).NotNull().WithMessage("Select the team the case transfers to");
            RuleFor(c => c.ToTeamId)
                .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id && t.IsActive && t.ManagerId != null, ct))
                .When(c => c.ToTeamId is not null).WithMessage("Select an active team with a manager");
            RuleFor(c => c.HandoverNote).NotEmpty().WithMessage("Write the handover note for the new team")
                .MaximumLength(CaseTransfer.TextLimit).WithMessage("The handover note must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var from = await TransferScope.SendingTeamAsync(db, me, command.PersonId, cancellationToken)
                ?? throw new DomainRuleException("Only a manager of a team holding the case can transfer it", "ToTeamId");
            var siblings = await TransferScope.SiblingsHeldByAsync(db, access, command.PersonId, from, cancellationToken);
            var family = await TransferScope.FamilyInEpisodeAsync(db, command.PersonId, from, cancellationToken);
            if (command.SiblingIds.Except(siblings).Except(family).Any())
            {
                throw new DomainRuleException("Choose only brothers and sisters your team holds", "SiblingIds");
            }

            var children = new[] { command.PersonId }.Concat(command.SiblingIds).Concat(family).Distinct().ToList();
            foreach (var childCase in (await ChildCases.LoadAsync(db, children, cancellationToken)).Values)
            {
                childCase.EnsureCanTransfer();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var transfer = new CaseTransfer(from, command.ToTeamId!.Value, children, command.HandoverNote!, me, now);
            db.CaseTransfers.Add(transfer);
            var to = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => new { t.Name, t.ManagerId }).SingleAsync(cancellationToken);
            if (to.ManagerId is { } managerId && managerId != me)
            {
                db.Notifications.Add(new Notification(managerId, $"A case is transferring to {to.Name}: read the handover and allocate", $"/Transfers/{transfer.Id}", false, now));
            }

            return transfer.Id;
        }
    }
}
