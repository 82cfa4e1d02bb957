using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A correction or later information added beneath a saved note; the note itself never changes (ADR 0010).</summary>
public static class AddNoteAddendum
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        public Guid NoteId { get; init; }

        public string? Text { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).NotEmpty().WithMessage("Enter the addendum")
                .MaximumLength(CaseNote.AddendumLimit).WithMessage($"The addendum must be {CaseNote.AddendumLimit:N0} characters or fewer");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var note = await db.CaseNotes.Include(n => n.Addenda)
                .SingleOrDefaultAsync(n => n.Id == command.NoteId && n.ChildId == command.PersonId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var addendum = note.AddAddendum(command.Text!, user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
            db.NoteAddenda.Add(addendum);
            return Unit.Value;
        }
    }
}
