using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>The worker holding the case records whether the young person is a mother, and her first child's date of birth (SSDA903 MOTHER, MC_DOB).</summary>
public static class RecordMotherhood
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public bool? IsMother { get; init; }

        public DateOnly? FirstChildBornOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IsMother).NotNull().WithMessage("Select whether the young person is a mother");
            RuleFor(c => c.FirstChildBornOn).NotNull().When(c => c.IsMother == true).WithMessage("Enter the date of birth of her first child");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            db.ExpectVersion(person, command.Version);
            person.RecordMotherhood(command.IsMother!.Value, command.IsMother == true ? command.FirstChildBornOn : null, UkTime.Today(clock));
            return Unit.Value;
        }
    }
}
