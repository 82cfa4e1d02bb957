using System.Text.Json;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Recording;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>
/// Save a case note as it is typed: one server-side draft per worker per child, replaced on every
/// save (saving twice is the same as saving once). Returns when it was saved, for "Draft saved at 14:32".
/// </summary>
public static class SaveNoteDraft
{
    /// <summary>Audited like any change to a record; the page saves only after typing pauses, not per keystroke.</summary>
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand<DateTime>, IPersonScoped, IAudited
    {
        public Guid PersonId { get; init; }

        /// <summary>The form as typed; its PersonId is ignored.</summary>
        public RecordCaseNote.Command Note { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Generous (a draft may run past the limit while it is being cut down) but bounded.
            RuleFor(c => c.Note.Text).MaximumLength(2 * CaseNote.TextLimit).WithMessage($"The note must be {CaseNote.TextLimit:N0} characters or fewer");
            RuleFor(c => c.Note.Title).MaximumLength(2 * CaseNote.TitleLimit).WithMessage($"The title must be {CaseNote.TitleLimit} characters or fewer");
            RuleFor(c => c.Note.WhoWasSeen).MaximumLength(2 * CaseNote.WhoWasSeenLimit).WithMessage($"Who was seen must be {CaseNote.WhoWasSeenLimit} characters or fewer");
            RuleFor(c => c.Note.OccurredAt).MaximumLength(20);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, DateTime>
    {
        public async ValueTask<DateTime> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = user.UserId!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var fields = JsonSerializer.Serialize(command.Note with { PersonId = command.PersonId });
            var draft = await db.NoteDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.ChildId == command.PersonId, cancellationToken);
            if (draft is null)
            {
                db.NoteDrafts.Add(new NoteDraft(userId, command.PersonId, fields, now));
            }
            else
            {
                draft.Save(fields, now);
            }

            return now;
        }
    }
}

/// <summary>The current user's draft note about the child, if they have one. Nobody else's draft is ever returned.</summary>
public static class GetNoteDraft
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Query(Guid PersonId) : IQuery<Draft?>, IPersonScoped;

    public sealed record Draft(RecordCaseNote.Command Note, DateTime SavedAtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Draft?>
    {
        public async ValueTask<Draft?> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = user.UserId ?? Guid.Empty;
            var draft = await db.NoteDrafts.AsNoTracking()
                .SingleOrDefaultAsync(d => d.UserId == userId && d.ChildId == query.PersonId, cancellationToken);
            if (draft is null)
            {
                return null;
            }

            var note = JsonSerializer.Deserialize<RecordCaseNote.Command>(draft.Fields) ?? new RecordCaseNote.Command();
            return new Draft(note with { PersonId = query.PersonId }, draft.UpdatedAtUtc);
        }
    }
}

/// <summary>Throw away the current user's draft note about the child.</summary>
public static class DiscardNoteDraft
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command(Guid PersonId) : ICommand, IPersonScoped, IAudited;

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = user.UserId!.Value;
            var drafts = await db.NoteDrafts.Where(d => d.UserId == userId && d.ChildId == command.PersonId).ToListAsync(cancellationToken);
            db.NoteDrafts.RemoveRange(drafts);
            return Unit.Value;
        }
    }
}
