using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The plan ends, with the date and why.</summary>
public static class EndChildInNeedPlan
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? EndedOn { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date the plan ended");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the plan is ending")
                .MaximumLength(ChildInNeedPlan.TextLimit).WithMessage("The reason must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await PlanLoader.LoadAsync(db, command.PersonId, command.PlanId, command.Version, cancellationToken);
            plan.End(command.EndedOn!.Value, command.Reason, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
