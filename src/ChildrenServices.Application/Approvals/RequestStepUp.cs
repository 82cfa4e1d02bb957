using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.EarlyHelp;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>The keyworker asks for the family to step up to children's social care, with reasons, for the team manager to decide.</summary>
public static class RequestStepUp
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand<Guid>, IEpisodeScoped, IAudited
    {
        public Guid EpisodeId { get; init; }

        public string? Reasons { get; init; }

        /// <summary>True when the family cannot wait for the manager's usual turn-round; the manager is alerted at once.</summary>
        public bool? Urgent { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("Give the reasons for stepping up")
                .MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("The reasons must be 10,000 characters or fewer");
            RuleFor(c => c.Urgent).NotNull().WithMessage("Select how urgent the step-up is");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await access.CanRecordEpisodeAsync(command.EpisodeId, cancellationToken))
            {
                throw new ForbiddenException("Only the family's keyworker or a manager of the team can ask for a step-up");
            }

            var episode = await db.EarlyHelpEpisodes.Include(e => e.Children).SingleAsync(e => e.Id == command.EpisodeId, cancellationToken);
            if (!episode.IsOpen)
            {
                throw new Domain.Common.DomainRuleException("This episode has ended", "Reasons");
            }

            if (await db.ApprovalRequests.AnyAsync(a => a.EpisodeId == episode.Id && a.Kind == ApprovalKind.StepUp && a.Status == ApprovalStatus.Pending, cancellationToken))
            {
                throw new Domain.Common.DomainRuleException(Domain.Allocations.ChildCase.Refusals.StepUpPending, "Reasons");
            }

            var urgent = command.Urgent!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var request = new ApprovalRequest(ApprovalKind.StepUp, episode.TeamId, episode.Id, episode.Children.Select(c => c.ChildId), command.Reasons!,
                user.UserId!.Value, now, urgent);
            db.ApprovalRequests.Add(request);

            // The team's manager is told at once, with the family's name so the alert means something on its own.
            var managerId = await db.Teams.Where(t => t.Id == episode.TeamId).Select(t => t.ManagerId).SingleOrDefaultAsync(cancellationToken);
            if (managerId is { } manager && manager != user.UserId)
            {
                db.Notifications.Add(new Domain.Notifications.Notification(manager,
                    urgent ? $"Urgent step-up request: the {episode.FamilyName} needs your decision today" : $"Step-up request: the {episode.FamilyName} is waiting for your decision",
                    "/Approvals", urgent, now));
            }

            return request.Id;
        }
    }
}
