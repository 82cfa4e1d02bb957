using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Add a goal to the family plan, against one of the Supporting Families outcomes, with where things stand now.</summary>
public static class AddPlanGoal
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IEpisodeScoped, IAudited, IVersioned
    {
        public Guid EpisodeId { get; init; }

        public Guid Version { get; init; }

        public FamilyOutcome? Outcome { get; init; }

        public string? Description { get; init; }

        public int? Baseline { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the outcome the goal is about").IsInEnum();
            RuleFor(c => c.Description).NotEmpty().WithMessage("Describe what the family wants to achieve")
                .MaximumLength(2000).WithMessage("The goal must be 2,000 characters or fewer");
            RuleFor(c => c.Baseline).NotNull().WithMessage("Score where things are now from 0 to 10")
                .InclusiveBetween(0, 10).WithMessage("Score where things are now from 0 to 10");
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            await EpisodeRecording.EnsureOpenAsync(db, command.EpisodeId, cancellationToken);
            var plan = await PlanLoader.LoadAsync(db, command.EpisodeId, cancellationToken);
            db.ExpectVersion(plan, command.Version);
            plan.AddGoal(command.Outcome!.Value, command.Description!, command.Baseline!.Value);
            return Unit.Value;
        }
    }
}
