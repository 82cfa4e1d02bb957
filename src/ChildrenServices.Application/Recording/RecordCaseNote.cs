using System.Globalization;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// A case note about a child: a visit, call, meeting, observation or management oversight, with the
/// date it happened, who was seen, and whether it belongs in the chronology. The note form keeps a draft
/// while it is typed and discards it once the note is saved (ADR 0010).
/// </summary>
public static class RecordCaseNote
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public CaseNoteType? Type { get; init; }

        public DateOnly? OccurredOn { get; init; }

        /// <summary>As typed, "14:30"; optional.</summary>
        public string? OccurredAt { get; init; }

        public string? Title { get; init; }

        public string? Text { get; init; }

        public string? WhoWasSeen { get; init; }

        public bool ChildSeen { get; init; }

        public bool ChildSeenAlone { get; init; }

        public bool Significant { get; init; }
    }

    public static bool TryParseTime(string? typed, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var formats = new[] { "H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm" };
        if (TimeOnly.TryParseExact(typed.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Type).NotNull().WithMessage("Select the type of note").IsInEnum();
            RuleFor(c => c.OccurredOn).NotNull().WithMessage("Enter the date it happened");
            RuleFor(c => c.OccurredOn)
                .Must(d => d <= UkTime.Today(clock)).When(c => c.OccurredOn is not null)
                .WithMessage("The date it happened must be today or in the past");
            RuleFor(c => c.OccurredAt)
                .Must(t => TryParseTime(t, out _))
                .WithMessage("Enter the time it happened as hours and minutes, like 14:30");
            RuleFor(c => c.Title).NotEmpty().WithMessage("Enter a title")
                .MaximumLength(CaseNote.TitleLimit).WithMessage($"The title must be {CaseNote.TitleLimit} characters or fewer");
            RuleFor(c => c.Text).NotEmpty().WithMessage("Enter the note")
                .MaximumLength(CaseNote.TextLimit).WithMessage($"The note must be {CaseNote.TextLimit:N0} characters or fewer");
            RuleFor(c => c.WhoWasSeen)
                .MaximumLength(CaseNote.WhoWasSeenLimit).WithMessage($"Who was seen must be {CaseNote.WhoWasSeenLimit} characters or fewer");
            RuleFor(c => c.ChildSeen).Equal(true).When(c => c.ChildSeenAlone)
                .WithMessage("A child seen alone was seen: select 'The child was seen' as well");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var isChild = await db.People.AnyAsync(p => p.Id == command.PersonId && p.Type == PersonType.Child, cancellationToken);
            if (!isChild)
            {
                throw new DomainRuleException("Case notes are recorded on a child's record");
            }

            TryParseTime(command.OccurredAt, out var time);
            var userId = user.UserId!.Value;
            var note = new CaseNote(
                command.PersonId, command.Type!.Value, command.OccurredOn!.Value, time, command.Title!, command.Text!, command.WhoWasSeen,
                command.ChildSeen, command.ChildSeenAlone, command.Significant, userId, clock.GetUtcNow().UtcDateTime, UkTime.Today(clock));
            db.CaseNotes.Add(note);
            return note.Id;
        }
    }
}
