using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Notifications;

/// <summary>The signed-in user's unread alerts, urgent first.</summary>
public static class GetMyNotifications
{
    [AllowAnySignedInUser]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Text, string Link, bool Urgent, DateTime CreatedAtUtc);

    /// <summary>Compiled once: the layout reads it on every page a signed-in user opens.</summary>
    private static readonly CompiledQuery<Func<DbContext, Guid, IAsyncEnumerable<Row>>> Unread = new(() => EF.CompileAsyncQuery(
        (DbContext db, Guid me) => db.Set<Domain.Notifications.Notification>()
            .Where(n => n.RecipientId == me && n.ReadAtUtc == null)
            .OrderByDescending(n => n.Urgent).ThenByDescending(n => n.CreatedAtUtc)
            .Take(20)
            .Select(n => new Row(n.Id, n.Text, n.Link, n.Urgent, n.CreatedAtUtc))));

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var context = (DbContext)db;
            return user.UserId is { } me ? await Unread.For(context)(context, me).ToListAsync(cancellationToken) : [];
        }
    }
}
