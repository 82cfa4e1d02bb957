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
/// The receiving manager accepts and names the worker. The sending team's allocations end today and
/// the new worker starts today in the same role (lead for lead, co-worker for co-worker); an open
/// referral and an early help episode the sending team held move with the case. Each child's case
/// (<see cref="ChildCase.AcceptTransfer"/>) keeps the one-lead rule.
/// </summary>
public static class AcceptTransfer
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand<string>, IAudited, IVersioned
    {
        public Guid TransferId { get; init; }

        public Guid Version { get; init; }

        public Guid? WorkerId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.WorkerId).NotNull().WithMessage("Select the worker who will hold the case");
            RuleFor(c => c.WorkerId)
                .MustAsync(async (c, id, ct) => await db.CaseTransfers.AnyAsync(t => t.Id == c.TransferId && db.Teams.Any(x => x.Id == t.ToTeamId && x.Members.Any(m => m.UserId == id)), ct)
                    && await db.Staff.AnyAsync(s => s.Id == id && !s.IsDisabled, ct))
                .When(c => c.WorkerId is not null).WithMessage("Select a worker in the receiving team");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var transfer = await TransferDecision.LoadAsync(db, access, command.TransferId, command.Version, cancellationToken);
            var manages = await db.Teams.AnyAsync(t => t.Id == transfer.ToTeamId && t.ManagerId == me, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var worker = command.WorkerId!.Value;
            transfer.Accept(worker, me, manages, now);

            var today = UkTime.Today(clock);
            var childIds = transfer.Children.Select(c => c.ChildId).ToList();
            foreach (var childCase in (await ChildCases.LoadAsync(db, childIds, cancellationToken)).Values)
            {
                db.Started(childCase.AcceptTransfer(transfer.FromTeamId, transfer.ToTeamId, worker, today, me));
            }

            foreach (var episode in await db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.TeamId == transfer.FromTeamId && e.Children.Any(c => childIds.Contains(c.ChildId))).ToListAsync(cancellationToken))
            {
                episode.TransferTo(transfer.ToTeamId, worker);
            }

            var names = await db.Staff.Where(s => s.Id == worker).Select(s => s.DisplayName).SingleAsync(cancellationToken);
            var team = await db.Teams.Where(t => t.Id == transfer.ToTeamId).Select(t => t.Name).SingleAsync(cancellationToken);
            if (transfer.RequestedById != me)
            {
                db.Notifications.Add(new Notification(transfer.RequestedById, $"Transfer accepted by {team}: {names} now holds the case", $"/People/{childIds[0]}/Allocations", false, now));
            }

            return $"Transfer accepted: {names} now holds the case in {team}.";
        }
    }
}
