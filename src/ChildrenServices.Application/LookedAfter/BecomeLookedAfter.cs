using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The child starts to be looked after: a new period of care whose first episode (reason for new episode S)
/// holds the legal status, the category of need and where the child is placed.
/// </summary>
public static class BecomeLookedAfter
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited, IPlacementInput
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }

        public string? LegalStatus { get; init; }

        public string? CategoryOfNeed { get; init; }

        public string? PlacementType { get; init; }

        public string? PlacementProvider { get; init; }

        public string? PlacementPostcode { get; init; }

        public string? Carer { get; init; }

        public bool IntendedLongTerm { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the child started to be looked after");
            RuleFor(c => c.LegalStatus).NotEmpty().WithMessage("Select the legal status");
            RuleFor(c => c.CategoryOfNeed).NotEmpty().WithMessage("Select the category of need");
            Include(new PlacementInputValidator());
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var child = await db.People.Where(p => p.Id == command.PersonId).Select(p => new { p.Type, p.DateOfBirth, p.ExpectedDateOfBirth }).SingleAsync(cancellationToken);
            if (child.Type != PersonType.Child)
            {
                throw new DomainRuleException("Only a child can become looked after", "StartedOn");
            }

            if (child.DateOfBirth is null && child.ExpectedDateOfBirth is not null)
            {
                throw new DomainRuleException("An unborn child cannot be looked after: record their date of birth first", "StartedOn");
            }

            var startedOn = command.StartedOn!.Value;
            var last = await db.PeriodsOfCare.Where(p => p.ChildId == command.PersonId).OrderByDescending(p => p.StartedOn)
                .Select(p => new { p.StartedOn, p.EndedOn }).FirstOrDefaultAsync(cancellationToken);
            if (last is { EndedOn: null })
            {
                throw new DomainRuleException($"The child has been looked after since {last.StartedOn:d MMMM yyyy}: record a change of legal status or placement instead", "StartedOn");
            }

            // Periods of care follow one another; they never overlap (SSDA903 episodes cannot), and a new one never starts
            // on the day the last ended (rule 431): care that carried on that day is a change to the last period, not a new one.
            if (last?.EndedOn is { } ended && startedOn <= ended)
            {
                throw new DomainRuleException(startedOn == ended
                    ? $"The child's last period of care ended on {ended:d MMMM yyyy}: a new one cannot start the same day (SSDA903 rule 431). If the child stayed looked after, record the change on that period instead"
                    : $"The child's last period of care ended on {ended:d MMMM yyyy}: a new one cannot start before that", "StartedOn");
            }

            var period = PeriodOfCare.Start(command.PersonId, startedOn, command.LegalStatus!, command.CategoryOfNeed!, command.ToPlacement(), child.DateOfBirth, UkTime.Today(clock));
            db.PeriodsOfCare.Add(period);
            return period.Id;
        }
    }
}
