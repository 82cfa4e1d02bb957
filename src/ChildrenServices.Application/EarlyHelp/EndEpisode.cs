using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.EarlyHelp;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Close early help with an outcome and a summary of what changed; the keyworker's allocations end with it.</summary>
public static class EndEpisode
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IEpisodeScoped, IAudited, IVersioned
    {
        public Guid EpisodeId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? EndedOn { get; init; }

        public EpisodeEndReason? Reason { get; init; }

        public string? Summary { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date early help ended")
                .Must(d => d <= UkTime.Today(clock)).When(c => c.EndedOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("The end date must be today or in the past");
            RuleFor(c => c.Reason).NotNull().WithMessage("Select why early help is ending").IsInEnum();
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise what changed for the family")
                .MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("The summary must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            var episode = await db.EarlyHelpEpisodes.Include(e => e.Children).SingleAsync(e => e.Id == command.EpisodeId, cancellationToken);
            db.ExpectVersion(episode, command.Version);
            episode.End(command.EndedOn!.Value, command.Reason!.Value, command.Summary!);
            var childIds = episode.Children.Select(c => c.ChildId).ToList();
            foreach (var allocation in await db.Allocations.Where(a => childIds.Contains(a.ChildId) && a.WorkerId == episode.KeyworkerId && a.TeamId == episode.TeamId && a.EndedOn == null).ToListAsync(cancellationToken))
            {
                allocation.End(command.EndedOn.Value < allocation.StartedOn ? allocation.StartedOn : command.EndedOn.Value);
            }

            return Unit.Value;
        }
    }
}
