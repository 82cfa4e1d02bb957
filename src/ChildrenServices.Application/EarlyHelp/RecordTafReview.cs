using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>A Team Around the Family meeting: attendees, progress on each goal (0–10), and the next review date.</summary>
public static class RecordTafReview
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IEpisodeScoped, IAudited, IVersioned
    {
        public Guid EpisodeId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Attendees { get; init; }

        public List<ProgressInput> Progress { get; init; } = [];

        public string? Summary { get; init; }

        public DateOnly? NextReviewOn { get; init; }
    }

    public sealed record ProgressInput
    {
        public Guid GoalId { get; init; }

        public int? Score { get; init; }

        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the meeting")
                .Must(d => d <= UkTime.Today(clock)).When(c => c.HeldOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("The meeting date must be today or in the past");
            RuleFor(c => c.Attendees).NotEmpty().WithMessage("Say who attended").MaximumLength(2000).WithMessage("Attendees must be 2,000 characters or fewer");
            RuleFor(c => c.Summary).MaximumLength(10_000).WithMessage("The summary must be 10,000 characters or fewer");
            RuleFor(c => c.NextReviewOn).NotNull().WithMessage("Enter the date of the next review")
                .Must((c, d) => c.HeldOn is null || d > c.HeldOn).When(c => c.NextReviewOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("The next review must be after this meeting");
            RuleForEach(c => c.Progress).ChildRules(p =>
            {
                p.RuleFor(x => x.Score).NotNull().WithMessage("Score progress on every goal from 0 to 10")
                    .InclusiveBetween(0, 10).WithMessage("Score progress on every goal from 0 to 10");
                p.RuleFor(x => x.Note).MaximumLength(2000).WithMessage("A progress note must be 2,000 characters or fewer");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            await EpisodeRecording.EnsureOpenAsync(db, command.EpisodeId, cancellationToken);
            var plan = await PlanLoader.LoadAsync(db, command.EpisodeId, cancellationToken);
            db.ExpectVersion(plan, command.Version);
            plan.Review(command.HeldOn!.Value, command.Attendees!, command.Progress.ToDictionary(p => p.GoalId, p => (p.Score ?? -1, p.Note)),
                command.Summary, command.NextReviewOn!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
