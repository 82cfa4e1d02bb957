using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The reviewing officer records a review conference: the plan continues under a category, or ends.</summary>
public static class RecordChildProtectionReview
{
    [RequiresPermission(Permission.RecordReviewOutcomes)]
    public sealed record Command : ICommand, IReviewOutcome, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? HeldOn { get; init; }

        public bool? PlanContinues { get; init; }

        public string? LatestCategory { get; init; }

        public string? Decision { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the review conference");
            RuleFor(c => c.PlanContinues).NotNull().WithMessage("Select whether the plan continues");
            RuleFor(c => c.Decision).NotEmpty().WithMessage("Summarise what the conference decided")
                .MaximumLength(ChildProtectionPlan.TextLimit).WithMessage("The summary must be 10,000 characters or fewer");
            RuleFor(c => c.LatestCategory).Must(code => DfeCodes.CategoryOfAbuse.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.LatestCategory)).WithMessage("Select a category of abuse from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, command.Version, cancellationToken);
            plan.RecordReview(command.HeldOn!.Value, command.PlanContinues!.Value, command.LatestCategory, command.Decision, user.RequireUserId(), UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
