using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Drafts;

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
