using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>A child in need review: the date it was held and what it decided.</summary>
public static class RecordChildInNeedReview
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? HeldOn { get; init; }

        public string? Summary { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the review");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise what the review decided")
                .MaximumLength(ChildInNeedPlan.TextLimit).WithMessage("The summary must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await PlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken);
            plan.RecordReview(command.HeldOn!.Value, command.Summary, UkTime.Today(clock), user.RequireUserId());
            return Unit.Value;
        }
    }
}
