using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.EarlyHelp;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>
/// A locality manager takes an early help request: names the keyworker, says whether it is early help
/// or a support case, and the episode starts with the keyworker allocated to every child (as co-worker
/// where a social worker already leads).
/// </summary>
public static class StartEpisode
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Command : ICommand<Guid>, IAudited
    {
        public Guid RequestId { get; init; }

        public Guid? KeyworkerId { get; init; }

        public EpisodeKind? Kind { get; init; }

        public SupportReason? SupportReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.KeyworkerId).NotNull().WithMessage("Select the keyworker");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select early help or a support case").IsInEnum();
            RuleFor(c => c.SupportReason).NotNull().When(c => c.Kind == EpisodeKind.Support).WithMessage("Say why this is a support case").IsInEnum();
            RuleFor(c => c.KeyworkerId)
                .MustAsync(async (c, id, ct) => await db.EarlyHelpRequests.AnyAsync(r => r.Id == c.RequestId && db.Teams.Any(t => t.Id == r.TeamId && t.Members.Any(m => m.UserId == id)), ct))
                .When(c => c.KeyworkerId is not null)
                .WithMessage("Select a member of the team the request went to");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.EarlyHelpRequests.Include(r => r.Children).SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var childIds = request.Children.Select(c => c.ChildId).ToList();
            foreach (var childId in childIds)
            {
                if (!await access.CanSeeAsync(childId, cancellationToken))
                {
                    throw new NotFoundException("Page not found");
                }
            }

            if (!await db.Teams.AnyAsync(t => t.Id == request.TeamId && t.ManagerId == user.UserId, cancellationToken))
            {
                throw new ForbiddenException("Only a manager of the team the request went to can start the work");
            }

            request.Accept();
            var today = UkTime.Today(clock);
            var familyName = await db.People.Where(p => childIds.Contains(p.Id)).Select(p => p.FamilyName).FirstAsync(cancellationToken);
            var episode = new EarlyHelpEpisode($"{familyName} family", command.Kind!.Value, command.SupportReason, Domain.EarlyHelp.EpisodeStart.FrontDoorDecision,
                request.Id, today, request.TeamId, command.KeyworkerId!.Value, childIds);
            db.EarlyHelpEpisodes.Add(episode);
            db.EarlyHelpAssessments.Add(new EarlyHelpAssessment(episode.Id));
            db.FamilyPlans.Add(new FamilyPlan(episode.Id));

            // "One family, one worker": the keyworker holds every child, alongside a social worker who leads.
            var led = await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.EndedOn == null && a.Role == AllocationRole.Lead)
                .Select(a => a.ChildId).ToListAsync(cancellationToken);
            var alreadyAllocated = await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.EndedOn == null && a.WorkerId == command.KeyworkerId)
                .Select(a => a.ChildId).ToListAsync(cancellationToken);
            foreach (var childId in childIds.Except(alreadyAllocated))
            {
                var role = led.Contains(childId) ? AllocationRole.CoWorker : AllocationRole.Lead;
                db.Allocations.Add(new Allocation(childId, command.KeyworkerId.Value, request.TeamId, role, today, user.UserId!.Value));
            }

            return episode.Id;
        }
    }
}
