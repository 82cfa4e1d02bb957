using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Teams;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Teams;

/// <summary>An administrator sets how many points each kind of case weighs in a worker's caseload.</summary>
public static class SaveCaseWeights
{
    [RequiresPermission(Permission.ManageTimescales)]
    public sealed record Command : ICommand, IAuditsChanges
    {
        /// <summary>The version being edited; empty when no weights have been saved yet.</summary>
        public Guid? Version { get; init; }

        public int? Assessment { get; init; }

        public int? ChildInNeed { get; init; }

        public int? ChildProtection { get; init; }

        public int? LookedAfter { get; init; }

        public int? EarlyHelpFamily { get; init; }

        public int? Other { get; init; }

        public CaseWeighting ToWeighting() => new()
        {
            Assessment = Assessment ?? -1, ChildInNeed = ChildInNeed ?? -1, ChildProtection = ChildProtection ?? -1,
            LookedAfter = LookedAfter ?? -1, EarlyHelpFamily = EarlyHelpFamily ?? -1, Other = Other ?? -1,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            foreach (var field in new System.Linq.Expressions.Expression<Func<Command, int?>>[]
            {
                c => c.Assessment, c => c.ChildInNeed, c => c.ChildProtection, c => c.LookedAfter, c => c.EarlyHelpFamily, c => c.Other,
            })
            {
                RuleFor(field).NotNull().WithMessage("Enter a whole number of points")
                    .InclusiveBetween(0, CaseWeighting.MaxPoints).WithMessage($"Enter a whole number of points from 0 to {CaseWeighting.MaxPoints}");
            }
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var saved = await db.CaseWeightSettings.SingleOrDefaultAsync(s => s.Id == CaseWeightSettings.SingletonId, cancellationToken);
            if (saved is null)
            {
                db.CaseWeightSettings.Add(new CaseWeightSettings(command.ToWeighting()));
                return Unit.Value;
            }

            db.ExpectVersion(saved, command.Version ?? Guid.Empty);
            saved.Apply(command.ToWeighting());
            return Unit.Value;
        }
    }
}
