using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Recording;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// A referral's, review's or visit's date was recorded wrongly: the worker who recorded it (within
/// <see cref="Correction.RecorderWindowDays"/> days) or a manager of the team holding the case corrects it, with why. The
/// record carries the corrected date, which the returns, the chronology and the deadlines follow; the original and the
/// correction stay in the history (ADR 0029).
/// </summary>
public static class CorrectRecordedDate
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Command : ICommand, ICorrection, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public CorrectedRecord Kind { get; init; }

        public Guid RecordId { get; init; }

        /// <summary>The version of the plan or period of care the record is part of, as the page showed it.</summary>
        public Guid Version { get; init; }

        /// <summary>The correct date (the field keeps one name for reviews and visits).</summary>
        public DateOnly? HeldOn { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull().WithMessage("Enter the correct date");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the date was wrong")
                .MaximumLength(Correction.ReasonLimit).WithMessage($"The reason must be {Correction.ReasonLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, Domain.Calendar.WorkingDayCalendar calendar, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await DateCorrections.LoadAsync(db, command.PersonId, command.Kind, command.RecordId, calendar, cancellationToken);
            db.ExpectVersion(record.Root, command.Version);
            var me = user.RequireUserId();
            var today = UkTime.Today(clock);
            var asManager = await access.ManagesHoldingTeamAsync(command.PersonId, cancellationToken);
            if (!asManager && !Correction.RecorderMayCorrect(record.RecordedById, record.RecordedOn, me, today))
            {
                throw new ForbiddenException("Only the worker who recorded it, within a week, or a manager of the team holding the case can correct it");
            }

            var from = record.Correct(command.HeldOn!.Value, today);
            db.Corrections.Add(new Correction(command.PersonId, command.Kind, command.RecordId, from, command.HeldOn!.Value, command.Reason, me, asManager, clock.GetUtcNow().UtcDateTime));
            return Unit.Value;
        }
    }
}
