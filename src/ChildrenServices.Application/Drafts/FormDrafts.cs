using System.Text.Json;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.Drafts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Drafts;

/// <summary>
/// Which draft: the form (the page's path), what it is about, and what governs access to it — the child,
/// the contact, the early help episode or the approval request. A draft is readable only while the author
/// may still see everyone the scope is about (ADR 0010).
/// </summary>
public sealed record DraftKey(string Form, Guid SubjectId, DraftScope Scope, Guid ScopeId);

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

/// <summary>The current user's draft of the form, if they have one and may still see what it is about. Nobody else's draft is ever returned.</summary>
public static class GetDraft
{
    [AllowAnySignedInUser]
    public sealed record Query(DraftKey Key) : IQuery<Draft?>;

    public sealed record Draft(IReadOnlyDictionary<string, string[]> Fields, DateTime SavedAtUtc);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Draft?>
    {
        public async ValueTask<Draft?> Handle(Query query, CancellationToken cancellationToken)
        {
            var key = query.Key;
            var userId = user.UserId ?? Guid.Empty;
            var draft = await db.FormDrafts.AsNoTracking()
                .SingleOrDefaultAsync(d => d.UserId == userId && d.Form == key.Form && d.SubjectId == key.SubjectId, cancellationToken);
            if (draft is null)
            {
                return null;
            }

            // Record access applies to the author too: a child since restricted from them takes their draft out of sight.
            // Both the scope asked about and the one it was saved under must still be visible.
            if (await DraftAccess.VisiblePeopleAsync(db, user, access, key.Scope, key.ScopeId, cancellationToken) is null
                || await DraftAccess.VisiblePeopleAsync(db, user, access, draft.Scope, draft.ScopeId, cancellationToken) is null)
            {
                return null;
            }

            var fields = JsonSerializer.Deserialize<Dictionary<string, string[]>>(draft.Fields) ?? [];
            return new Draft(fields, draft.UpdatedAtUtc);
        }
    }
}

/// <summary>Throw away the current user's draft of the form (after sending it, or to start again).</summary>
public static class DiscardDraft
{
    [AllowAnySignedInUser]
    public sealed record Command(DraftKey Key) : ICommand;

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // No access check: it only ever deletes the caller's own rows, and a draft about a child now
            // out of sight must still be deletable once the form is sent.
            var key = command.Key;
            var userId = user.RequireUserId();
            var drafts = await db.FormDrafts.Where(d => d.UserId == userId && d.Form == key.Form && d.SubjectId == key.SubjectId).ToListAsync(cancellationToken);
            if (drafts.Count == 0)
            {
                return Unit.Value;
            }

            db.FormDrafts.RemoveRange(drafts);
            var people = await DraftAccess.PeopleAsync(db, drafts[0].Scope, drafts[0].ScopeId, cancellationToken) ?? [];
            DraftAccess.Audit(db, user, nameof(DiscardDraft), people, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}

/// <summary>
/// Record access for drafts, by what the draft is about: the permission that shows that kind of record,
/// and every person it is about visible to the user (as for contacts and episodes themselves).
/// </summary>
internal static class DraftAccess
{
    public static Permission PermissionFor(DraftScope scope) => scope switch
    {
        DraftScope.Contact => Permission.ViewFrontDoor,
        DraftScope.Approval => Permission.DecideApprovals,
        _ => Permission.ViewChildRecord,
    };

    /// <summary>The people the scope is about, or null when it does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>?> PeopleAsync(IAppDbContext db, DraftScope scope, Guid id, CancellationToken ct)
    {
        switch (scope)
        {
            case DraftScope.Person:
                return await db.People.AnyAsync(p => p.Id == id, ct) ? [id] : null;
            case DraftScope.Contact:
                return await db.Contacts.AnyAsync(c => c.Id == id, ct)
                    ? await db.Contacts.Where(c => c.Id == id).SelectMany(c => c.People.Select(p => p.PersonId)).ToListAsync(ct)
                    : null;
            case DraftScope.Episode:
                return await db.EarlyHelpEpisodes.AnyAsync(e => e.Id == id, ct)
                    ? await db.EarlyHelpEpisodes.Where(e => e.Id == id).SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync(ct)
                    : null;
            case DraftScope.Approval:
                return await db.ApprovalRequests.AnyAsync(r => r.Id == id, ct)
                    ? await db.ApprovalRequests.Where(r => r.Id == id).SelectMany(r => r.Children.Select(c => c.ChildId)).ToListAsync(ct)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The people the scope is about when the user may see all of them, else null.</summary>
    public static async Task<IReadOnlyList<Guid>?> VisiblePeopleAsync(IAppDbContext db, ICurrentUser user, RecordAccess access, DraftScope scope, Guid id, CancellationToken ct)
    {
        if (!user.HasPermission(PermissionFor(scope)))
        {
            return null;
        }

        var people = await PeopleAsync(db, scope, id, ct);
        if (people is null)
        {
            return null;
        }

        foreach (var person in people)
        {
            if (!await access.CanSeeAsync(person, ct))
            {
                return null;
            }
        }

        return people;
    }

    /// <summary>As <see cref="VisiblePeopleAsync"/>, refusing with the same answer as for an id that does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>> DemandAsync(IAppDbContext db, ICurrentUser user, RecordAccess access, DraftScope scope, Guid id, CancellationToken ct) =>
        await VisiblePeopleAsync(db, user, access, scope, id, ct) ?? throw new NotFoundException("Page not found");

    /// <summary>An audit row on each record the draft is about (one with no person for a contact about no one yet).</summary>
    public static void Audit(IAppDbContext db, ICurrentUser user, string action, IReadOnlyList<Guid> people, DateTime nowUtc)
    {
        if (people.Count == 0)
        {
            db.AuditEntries.Add(new AuditEntry(nowUtc, user.UserId, action, null, user.CorrelationId));
        }

        foreach (var person in people)
        {
            db.AuditEntries.Add(new AuditEntry(nowUtc, user.UserId, action, person, user.CorrelationId));
        }
    }
}
