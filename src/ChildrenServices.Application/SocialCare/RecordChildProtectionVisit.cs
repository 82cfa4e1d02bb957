using ChildrenServices.Application.Security;
using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>A statutory visit under the plan: whether the child was seen, and alone.</summary>
public static class RecordChildProtectionVisit
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly? VisitedOn { get; init; }

        public bool ChildSeen { get; init; }

        public bool SeenAlone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.VisitedOn).NotNull().WithMessage("Enter the date of the visit");
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            (await CpPlanLoader.LoadAsync(db, command.PersonId, command.PlanId, null, cancellationToken)).RecordVisit(command.VisitedOn!.Value, command.ChildSeen, command.SeenAlone, UkTime.Today(clock), user.RequireUserId());
            return Unit.Value;
        }
    }
}
