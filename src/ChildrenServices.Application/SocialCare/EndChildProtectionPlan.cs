using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>
/// The social worker ends the child's child protection plan outside a review conference, for a reason life gave
/// (the child died, moved to another council, turned 18, was adopted, or became looked after where local policy ends
/// the plan). The census takes the date as CPPendDate; the reason stays as the system's own value (it has no code).
/// </summary>
public static class EndChildProtectionPlan
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? EndedOn { get; init; }

        public ChildProtectionPlanEnd? Reason { get; init; }

        public string? Details { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndedOn).NotNull().WithMessage("Enter the date the plan ended");
            RuleFor(c => c.Reason).NotNull().WithMessage("Select why the plan is ending");
            RuleFor(c => c.Reason).Must(r => ChildProtectionPlanEndText.OutsideConference.Contains(r!.Value)).When(c => c.Reason is not null).WithMessage("Select why the plan is ending");
            RuleFor(c => c.Details).NotEmpty().WithMessage("Say what happened and who was told")
                .MaximumLength(ChildProtectionPlan.TextLimit).WithMessage("What happened must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var plan = await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, command.Version, cancellationToken);
            var born = await db.People.Where(p => p.Id == command.PersonId).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
            plan.EndOutsideConference(command.EndedOn!.Value, command.Reason, command.Details, born, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
