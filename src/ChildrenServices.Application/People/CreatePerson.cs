using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.People;

/// <summary>
/// Record a new child or adult. Likely duplicates are shown first; the practitioner saves only after
/// saying none of them is this person, so the service keeps one record per person.
/// </summary>
public static class CreatePerson
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : PersonDetailsInput, ICommand<Guid>, IAudited, ICreatesPerson
    {
        public PersonType Type { get; init; } = PersonType.Child;

        public string? GivenNames { get; init; }

        public string? FamilyName { get; init; }

        public string? AddressLine1 { get; init; }

        public string? AddressLine2 { get; init; }

        public string? Town { get; init; }

        public string? Postcode { get; init; }

        public DateOnly? LivingThereSince { get; init; }

        /// <summary>The practitioner has looked at the likely duplicates and this is a different person.</summary>
        public bool ConfirmedNotDuplicate { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, DuplicateFinder duplicates)
        {
            Include(new PersonDetailsValidator(clock));
            RuleFor(c => c.Type).IsInEnum().WithMessage("Select whether this is a child or an adult");
            RuleFor(c => c.GivenNames).PersonName("given names");
            RuleFor(c => c.FamilyName).PersonName("family name");
            When(c => !string.IsNullOrWhiteSpace(c.AddressLine1) || !string.IsNullOrWhiteSpace(c.Postcode), () =>
            {
                RuleFor(c => c.AddressLine1).NotEmpty().WithMessage("Enter the first line of the address").MaximumLength(200);
                RuleFor(c => c.Postcode).NotEmpty().WithMessage("Enter the postcode")
                    .Matches("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$").WithMessage("Enter a real postcode, like SN1 2AB");
                RuleFor(c => c.LivingThereSince).NotNull().WithMessage("Enter the date they started living at this address");
            });

            RuleFor(c => c.ConfirmedNotDuplicate)
                .MustAsync(async (c, confirmed, ct) =>
                    confirmed || (await duplicates.FindAsync(c.GivenNames, c.FamilyName, c.DateOfBirth ?? c.ExpectedDateOfBirth, c.NhsNumber, ct)).Count == 0)
                .WithMessage("This person may already be recorded. Check the possible matches, then confirm this is a new person")
                .When(c => !string.IsNullOrWhiteSpace(c.FamilyName));
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = Person.Create(command.Type, command.GivenNames!, command.FamilyName!, command.ToDetails(UkTime.Today(clock)));
            if (!string.IsNullOrWhiteSpace(command.AddressLine1) && command.LivingThereSince is { } since)
            {
                person.MoveTo(command.AddressLine1, command.AddressLine2, command.Town, command.Postcode!, since);
            }

            db.People.Add(person);
            return ValueTask.FromResult(person.Id);
        }
    }
}
