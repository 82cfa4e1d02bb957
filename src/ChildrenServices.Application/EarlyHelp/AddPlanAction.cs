using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

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
