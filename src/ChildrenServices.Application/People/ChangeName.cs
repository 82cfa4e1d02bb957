using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// A new current name (the old one is kept as a previous name) or an alias the person is also known by.
/// Both stay searchable.
/// </summary>
public static class ChangeName
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public string? GivenNames { get; init; }

        public string? FamilyName { get; init; }

        /// <summary>True: an alias alongside the current name. False: the person's name has changed.</summary>
        public bool IsAlias { get; init; }

        public DateOnly? ChangedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.GivenNames).PersonName("given names");
            RuleFor(c => c.FamilyName).PersonName("family name");
            RuleFor(c => c.ChangedOn).NotNull().When(c => !c.IsAlias).WithMessage("Enter the date the name changed");
            RuleFor(c => c.ChangedOn).Must(d => d <= UkTime.Today(clock)).When(c => c.ChangedOn is not null)
                .WithMessage("The date the name changed must be today or in the past");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.Names).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            if (command.IsAlias)
            {
                person.AddAlias(command.GivenNames!, command.FamilyName!);
            }
            else
            {
                person.ChangeName(command.GivenNames!, command.FamilyName!, command.ChangedOn!.Value);
            }

            return Unit.Value;
        }
    }
}
