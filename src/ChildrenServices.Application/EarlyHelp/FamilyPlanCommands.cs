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

/// <summary>Add an action to a goal: what will be done, by whom, by when.</summary>
public static class AddPlanAction
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IEpisodeScoped, IAudited, IVersioned
    {
        public Guid EpisodeId { get; init; }

        public Guid Version { get; init; }

        public Guid GoalId { get; init; }

        public string? Action { get; init; }

        public string? Owner { get; init; }

        public DateOnly? DueOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Action).NotEmpty().WithMessage("Describe the action").MaximumLength(1000).WithMessage("The action must be 1,000 characters or fewer");
            RuleFor(c => c.Owner).NotEmpty().WithMessage("Say who will do it").MaximumLength(200).WithMessage("The owner must be 200 characters or fewer");
            RuleFor(c => c.DueOn).NotNull().WithMessage("Enter the date it is due")
                .Must(d => d >= UkTime.Today(clock)).When(c => c.DueOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("The date it is due must be today or in the future");
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
            plan.AddAction(command.GoalId, command.Action!, command.Owner!, command.DueOn);
            return Unit.Value;
        }
    }
}

/// <summary>Mark an action done.</summary>
public static class CompletePlanAction
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command(Guid EpisodeId, Guid Version, Guid ActionId) : ICommand, IEpisodeScoped, IAudited, IVersioned;

    public sealed class Handler(IAppDbContext db, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            var plan = await PlanLoader.LoadAsync(db, command.EpisodeId, cancellationToken);
            db.ExpectVersion(plan, command.Version);
            plan.CompleteAction(command.ActionId, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}

internal static class PlanLoader
{
    public static Task<FamilyPlan> LoadAsync(IAppDbContext db, Guid episodeId, CancellationToken ct) =>
        db.FamilyPlans.Include(p => p.Goals).ThenInclude(g => g.Actions).Include(p => p.Reviews).ThenInclude(r => r.Progress)
            .AsSplitQuery().SingleAsync(p => p.EpisodeId == episodeId, ct);
}
