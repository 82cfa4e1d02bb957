using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Access;
using ChildrenServices.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Application.People;

/// <summary>
/// "Break glass" under the need-to-know reading policy: a colleague who does not work with a child says why they need
/// to read the record. The reason is kept, lets them read it for the council's set hours, and alerts the managers of
/// their teams at once (issue 15).
/// </summary>
public static class GiveReadingReason
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Command : ICommand, ISeeingIsEnough, IAudited
    {
        public Guid PersonId { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why you need to read this record")
                .MaximumLength(ReadingReason.ReasonLength).WithMessage($"The reason must be {ReadingReason.ReasonLength} characters or fewer");
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ReadingSettings> settings) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = user.RequireUserId();
            var now = clock.GetUtcNow().UtcDateTime;
            db.ReadingReasons.Add(new ReadingReason(userId, command.PersonId, command.Reason!, now, now.AddHours(Math.Max(settings.Value.ReasonLastsHours, 1))));

            // The managers of every team the colleague is in hear of it, with a link to the record (not its name).
            var managers = await db.Teams.Where(t => t.Members.Any(m => m.UserId == userId) && t.ManagerId != null && t.ManagerId != userId)
                .Select(t => t.ManagerId!.Value).Distinct().ToListAsync(cancellationToken);
            var who = user.DisplayName ?? "A colleague";
            foreach (var manager in managers)
            {
                db.Notifications.Add(new Notification(manager, $"{who} gave a reason to read a record they do not work with", $"/People/{command.PersonId}/Viewers", true, now));
            }

            return Unit.Value;
        }
    }
}
