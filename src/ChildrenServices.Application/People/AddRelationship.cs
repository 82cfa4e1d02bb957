using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>Link a person to someone in their network: "Jordan is the parent of Riley".</summary>
public static class AddRelationship
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid? RelatedPersonId { get; init; }

        public RelationshipKind? Kind { get; init; }

        public bool HasParentalResponsibility { get; init; }

        public string? Notes { get; init; }

        /// <summary>Also put the related person in the person's current household.</summary>
        public bool SameHousehold { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, RecordAccess access)
        {
            RuleFor(c => c.RelatedPersonId).NotNull().WithMessage("Choose the related person");
            RuleFor(c => c.RelatedPersonId)
                .MustAsync(async (id, ct) => await access.CanSeeAsync(id!.Value, ct))
                .When(c => c.RelatedPersonId is not null)
                .WithMessage("Choose the related person from the search results");
            RuleFor(c => c.RelatedPersonId)
                .MustAsync(async (c, id, ct) => !await db.Relationships.AnyAsync(
                    r => r.EndedOn == null && ((r.PersonId == c.PersonId && r.RelatedPersonId == id) || (r.PersonId == id && r.RelatedPersonId == c.PersonId)), ct))
                .When(c => c.RelatedPersonId is not null)
                .WithMessage("These two people are already linked: end the existing relationship first");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select how they are related").IsInEnum();
            RuleFor(c => c.Notes).MaximumLength(500).WithMessage("Notes must be 500 characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            db.Relationships.Add(new Relationship(command.PersonId, command.RelatedPersonId!.Value, command.Kind!.Value, command.HasParentalResponsibility, command.Notes));

            if (command.SameHousehold)
            {
                var today = UkTime.Today(clock);
                var household = await db.Households.Include(h => h.Members)
                    .FirstOrDefaultAsync(h => h.Members.Any(m => m.PersonId == command.PersonId && m.LeftOn == null), cancellationToken);
                if (household is null)
                {
                    var person = await db.People.SingleAsync(p => p.Id == command.PersonId, cancellationToken);
                    household = new Household($"{person.FamilyName} household");
                    household.Join(command.PersonId, today);
                    db.Households.Add(household);
                }

                if (household.Members.All(m => m.PersonId != command.RelatedPersonId || m.LeftOn != null))
                {
                    household.Join(command.RelatedPersonId.Value, today);
                }
            }

            return Unit.Value;
        }
    }
}
