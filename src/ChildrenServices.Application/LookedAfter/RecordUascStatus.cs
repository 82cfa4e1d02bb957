using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The worker holding the case records whether the child is an unaccompanied asylum-seeking child, the date the status
/// began and the date it ceased (SSDA903's UASC and DUC; rules 303 and 304).
/// </summary>
public static class RecordUascStatus
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public bool? Uasc { get; init; }

        public DateOnly? UascFrom { get; init; }

        public DateOnly? UascCeasedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Uasc).NotNull().WithMessage("Select whether the child is an unaccompanied asylum-seeking child");
            RuleFor(c => c.UascFrom).NotNull().When(c => c.Uasc == true).WithMessage("Enter the date the child's UASC status began");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            db.ExpectVersion(person, command.Version);
            person.RecordUascStatus(command.Uasc!.Value, command.Uasc == true ? command.UascFrom : null, command.Uasc == true ? command.UascCeasedOn : null, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
