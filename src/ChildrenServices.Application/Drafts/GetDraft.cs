using System.Text.Json;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Drafts;

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
