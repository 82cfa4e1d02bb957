using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>A new address; the current one ends the day before. The history stays on the record.</summary>
public static class RecordMove
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public string? Line1 { get; init; }

        public string? Line2 { get; init; }

        public string? Town { get; init; }

        public string? Postcode { get; init; }

        public DateOnly? From { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Line1).NotEmpty().WithMessage("Enter the first line of the address")
                .MaximumLength(200).WithMessage("The first line must be 200 characters or fewer");
            RuleFor(c => c.Line2).MaximumLength(200).WithMessage("The second line must be 200 characters or fewer");
            RuleFor(c => c.Town).MaximumLength(100).WithMessage("The town must be 100 characters or fewer");
            RuleFor(c => c.Postcode).NotEmpty().WithMessage("Enter the postcode")
                .Matches("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$").When(c => !string.IsNullOrWhiteSpace(c.Postcode), ApplyConditionTo.CurrentValidator)
                .WithMessage("Enter a real postcode, like SN1 2AB");
            RuleFor(c => c.From).NotNull().WithMessage("Enter the date they started living here");
            RuleFor(c => c.From).Must(d => d <= UkTime.Today(clock).AddMonths(3)).When(c => c.From is not null)
                .WithMessage("The date must be no more than 3 months from today");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.Addresses).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            person.MoveTo(command.Line1!, command.Line2, command.Town, command.Postcode!, command.From!.Value);
            return Unit.Value;
        }
    }
}
