using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>A core group meeting under the plan.</summary>
public static class RecordCoreGroup
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? HeldOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the date of the core group");
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            (await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken)).RecordCoreGroup(command.HeldOn!.Value, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
