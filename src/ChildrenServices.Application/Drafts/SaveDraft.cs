using System.Text.Json;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Drafts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Drafts;

/// <summary>
/// Save a long form as it is typed: one server-side draft per user per form per subject, replaced on every
/// save (saving twice is the same as saving once). Returns when it was saved, for "Draft saved at 14:32".
/// The fields are never logged: the pipeline logs the use case's name, and the audit row says only that a
/// draft was saved on the child's record.
/// </summary>
public static class SaveDraft
{
    /// <summary>The most fields one form may have: every form in the service has far fewer.</summary>
    public const int FieldLimit = 500;

    /// <summary>Who may depends on the scope (<see cref="DraftAccess"/>); the page's own policy applies first.</summary>
    [AllowAnySignedInUser]
    public sealed record Command(DraftKey Key, IReadOnlyDictionary<string, string[]> Fields) : ICommand<DateTime>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Key.Form).NotEmpty().MaximumLength(FormDraft.FormLimit);
            RuleFor(c => c.Key.Scope).IsInEnum();
            RuleFor(c => c.Fields.Count).LessThanOrEqualTo(FieldLimit).WithMessage("This form has too many fields to keep as a draft");
            RuleFor(c => c.Fields)
                .Must(f => Serialise(f).Length <= FormDraft.FieldsLimit)
                .WithMessage("This draft is too long to keep: shorten it, or send the form");
        }
    }

    internal static string Serialise(IReadOnlyDictionary<string, string[]> fields) => JsonSerializer.Serialize(fields);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access, TimeProvider clock) : ICommandHandler<Command, DateTime>
    {
        public async ValueTask<DateTime> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = command.Key;
            var people = await DraftAccess.DemandAsync(db, user, access, key.Scope, key.ScopeId, cancellationToken);
            var userId = user.RequireUserId();
            var now = clock.GetUtcNow().UtcDateTime;
            var fields = Serialise(command.Fields);
            var draft = await db.FormDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.Form == key.Form && d.SubjectId == key.SubjectId, cancellationToken);
            if (draft is null)
            {
                db.FormDrafts.Add(new FormDraft(userId, key.Form, key.SubjectId, key.Scope, key.ScopeId, fields, now));
            }
            else
            {
                draft.Save(key.Scope, key.ScopeId, fields, now);
            }

            // Recorded honestly, like any work on the record: a row every few minutes of writing, not per keystroke.
            DraftAccess.Audit(db, user, nameof(SaveDraft), people, now);
            return now;
        }
    }
}
