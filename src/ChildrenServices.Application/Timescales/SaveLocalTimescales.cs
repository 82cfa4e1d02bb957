using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Timescales;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Timescales;

/// <summary>An administrator sets the local timescales: visit frequencies, child in need reviews, strategy discussion, first core group.</summary>
public static class SaveLocalTimescales
{
    [RequiresPermission(Permission.ManageTimescales)]
    public sealed record Command : ICommand, IAuditsChanges
    {
        /// <summary>The version being edited; empty when no settings have been saved yet.</summary>
        public Guid? Version { get; init; }

        public int? StrategyDiscussionWorkingDays { get; init; }

        public int? Section47EnquiryWorkingDays { get; init; }

        public int? FirstCoreGroupWorkingDays { get; init; }

        public int? ChildProtectionVisitWorkingDays { get; init; }

        public int? ChildInNeedFirstReviewWorkingDays { get; init; }

        public int? ChildInNeedReviewWeeks { get; init; }

        public int? ChildInNeedVisitWorkingDays { get; init; }

        public int? AmberWorkingDays { get; init; }

        public LocalTimescales ToLocal() => new()
        {
            StrategyDiscussionWorkingDays = StrategyDiscussionWorkingDays ?? -1,
            Section47EnquiryWorkingDays = Section47EnquiryWorkingDays ?? -1,
            FirstCoreGroupWorkingDays = FirstCoreGroupWorkingDays ?? -1,
            ChildProtectionVisitWorkingDays = ChildProtectionVisitWorkingDays ?? -1,
            ChildInNeedFirstReviewWorkingDays = ChildInNeedFirstReviewWorkingDays ?? -1,
            ChildInNeedReviewWeeks = ChildInNeedReviewWeeks ?? -1,
            ChildInNeedVisitWorkingDays = ChildInNeedVisitWorkingDays ?? -1,
            AmberWorkingDays = AmberWorkingDays ?? -1,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            foreach (var field in new System.Linq.Expressions.Expression<Func<Command, int?>>[]
            {
                c => c.StrategyDiscussionWorkingDays, c => c.Section47EnquiryWorkingDays, c => c.FirstCoreGroupWorkingDays, c => c.ChildProtectionVisitWorkingDays,
                c => c.ChildInNeedFirstReviewWorkingDays, c => c.ChildInNeedReviewWeeks, c => c.ChildInNeedVisitWorkingDays, c => c.AmberWorkingDays,
            })
            {
                RuleFor(field).NotNull().WithMessage("Enter a whole number");
            }

            RuleFor(c => c).Custom((command, context) =>
            {
                // A blank field has its own message above; range problems are for the numbers that were given.
                var blank = typeof(Command).GetProperties().Where(p => p.PropertyType == typeof(int?) && p.GetValue(command) is null).Select(p => p.Name).ToHashSet();
                foreach (var problem in LocalTimescales.Validate(command.ToLocal()).Where(p => !blank.Contains(p.Field)))
                {
                    context.AddFailure(problem.Field, problem.Message);
                }
            });
        }
    }

    public sealed class Handler(IAppDbContext db, TimescaleSettingsCache cache) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // Every request after this one reads the settings afresh (a read racing the commit is bounded by the cache's lifetime).
            cache.Clear();
            var saved = await db.TimescaleSettings.SingleOrDefaultAsync(s => s.Id == TimescaleSettings.SingletonId, cancellationToken);
            if (saved is null)
            {
                db.TimescaleSettings.Add(new TimescaleSettings(command.ToLocal()));
                return Unit.Value;
            }

            db.ExpectVersion(saved, command.Version ?? Guid.Empty);
            saved.Apply(command.ToLocal());
            return Unit.Value;
        }
    }
}
