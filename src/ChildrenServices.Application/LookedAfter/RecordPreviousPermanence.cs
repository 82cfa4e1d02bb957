using ChildrenServices.Application.Security;
using ChildrenServices.Domain.LookedAfter;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// Previous permanence recorded or corrected after the child started to be looked after (SSDA903 PREV_PERM, LA_PERM,
/// DATE_PERM): what was not known at the start often is later. The rules at the start apply again (630-635).
/// </summary>
public static class RecordPreviousPermanence
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid PeriodOfCareId { get; init; }

        public Guid Version { get; init; }

        public string? PreviousPermanence { get; init; }

        public string? PermanenceLocalAuthority { get; init; }

        public PartialDateInput PermanenceOrder { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.PreviousPermanence).NotEmpty()
            .WithMessage("Select whether the child has left care before through adoption, special guardianship or a child arrangements order");
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var period = await PeriodOfCareLoader.LoadAsync(db, command.PersonId, command.PeriodOfCareId, command.Version, cancellationToken);
            period.ChangePreviousPermanence(new PreviousPermanence(
                command.PreviousPermanence!, command.PermanenceLocalAuthority,
                command.PermanenceOrder.Part(p => p.Year, "year"), command.PermanenceOrder.Part(p => p.Month, "month"), command.PermanenceOrder.Part(p => p.Day, "day")));
            return Unit.Value;
        }
    }
}
