using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The child moved: to new carers (reason for new episode P) or with the same carers to a new home, provider or
/// kind of placement (T). When the legal status changed the same day too, the one command records both and the
/// period codes the day B or U, as the DfE asks.
/// </summary>
public static class RecordPlacementChange
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned, IPlacementInput
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public DateOnly? ChangedOn { get; init; }

        public string? PlacementType { get; init; }

        public string? PlacementProvider { get; init; }

        public string? PlacementPostcode { get; init; }

        public string? PlacementUrn { get; init; }

        public string? Carer { get; init; }

        public bool IntendedLongTerm { get; init; }

        /// <summary>Whether the placement was made before the carer's assessment (regulation 19) or full approval (regulation 24).</summary>
        public PlacementApproval? PlacementApproval { get; init; }

        /// <summary>Whether the child stays with the same carers (a new home, provider or kind of placement).</summary>
        public bool? SameCarer { get; init; }

        /// <summary>Why the child left the placement (SSDA903 REASON_PLACE_CHANGE); none for a move into or back from a temporary placement.</summary>
        public string? ReasonForChange { get; init; }

        /// <summary>The new legal status, when it changed on the same day; empty when it did not.</summary>
        public string? LegalStatus { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ChangedOn).NotNull().WithMessage("Enter the date the child moved");
            RuleFor(c => c.SameCarer).NotNull().WithMessage("Select whether the child is with the same carers");
            Include(new PlacementInputValidator());
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            var today = UkTime.Today(clock);
            var placement = command.ToPlacement();
            var bornOn = await db.People.Where(p => p.Id == command.PersonId).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(command.LegalStatus))
            {
                period.ChangePlacement(command.ChangedOn!.Value, placement, command.SameCarer!.Value, today, command.ReasonForChange, bornOn, user.RequireUserId());
            }
            else
            {
                period.ChangeLegalStatusAndPlacement(command.ChangedOn!.Value, command.LegalStatus, placement, command.SameCarer!.Value, today, command.ReasonForChange, bornOn, user.RequireUserId());
            }

            return Unit.Value;
        }
    }
}
