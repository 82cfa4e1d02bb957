using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>The receiving manager declines with a reason; the sending team keeps the case and is told why.</summary>
public static class DeclineTransfer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand, IAudited, IVersioned
    {
        public Guid TransferId { get; init; }

        public Guid Version { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the transfer is declined")
                .MaximumLength(CaseTransfer.TextLimit).WithMessage("The reason must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var transfer = await TransferDecision.LoadAsync(db, access, command.TransferId, command.Version, cancellationToken);
            var manages = await db.Teams.AnyAsync(t => t.Id == transfer.ToTeamId && t.ManagerId == me, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            transfer.Decline(command.Reason!, me, manages, now);
            var team = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => t.Name).SingleAsync(cancellationToken);
            if (transfer.RequestedById != me)
            {
                db.Notifications.Add(new Notification(transfer.RequestedById, $"Transfer declined by {team}: your team keeps the case", $"/People/{transfer.Children[0].ChildId}/Allocations", false, now));
            }

            return Unit.Value;
        }
    }
}
