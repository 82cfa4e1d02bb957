using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Behaviours;

/// <summary>
/// Innermost: one audit row per audited message. For a command the row joins the command's
/// transaction, so the change and its audit row commit or fail together. For a query (viewing a
/// child's record) the row is saved on its own once the record has been read.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAudited)
        {
            return await next(message, cancellationToken);
        }

        var changes = message is IAuditsChanges ? db.CaptureChanges() : null;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            // Refused or failed: nothing was changed to keep, and the capture stops.
            changes?.Invoke();
            throw;
        }

        Guid? personId = message switch
        {
            IPersonScoped scoped => scoped.PersonId,
            ICreatesPerson when response is Guid created => created,
            _ => null,
        };

        // What an administrative use case changed, saved or still to save; the capture stops here.
        var changed = changes?.Invoke();
        var now = clock.GetUtcNow().UtcDateTime;
        var action = MessageNames.Of(typeof(TMessage));
        if (personId is null && message is IEpisodeScoped episode)
        {
            var children = await db.EarlyHelpEpisodes.Where(e => e.Id == episode.EpisodeId)
                .SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync(cancellationToken);
            foreach (var id in children)
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, id, user.CorrelationId));
            }
        }
        else if (personId is null && message is IContactScoped contact)
        {
            // A contact is about children: the row goes on each of their records, so "who has viewed"
            // and the audit trail of a child include the front door's work on it.
            var people = await db.Contacts.Where(c => c.Id == contact.ContactId)
                .SelectMany(c => c.People.Select(p => p.PersonId)).ToListAsync(cancellationToken);
            foreach (var id in people)
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, id, user.CorrelationId));
            }

            if (people.Count == 0)
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, null, user.CorrelationId));
            }
        }
        else if (personId is null && message is IChildrenScoped several && several.ChildIds.Count > 0)
        {
            foreach (var id in several.ChildIds.Distinct())
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, id, user.CorrelationId));
            }
        }
        else if (personId is null && response is IShowsPeople shown && shown.PeopleShown.Any())
        {
            foreach (var id in shown.PeopleShown.Distinct())
            {
                db.AuditEntries.Add(new AuditEntry(now, user.UserId, action, id, user.CorrelationId));
            }
        }
        else
        {
            var row = new AuditEntry(now, user.UserId, action, personId, user.CorrelationId);
            if (changed is not null)
            {
                // An administrative change (never about a person): its one row keeps what changed, before and after.
                row.KeepChanges(System.Text.Json.JsonSerializer.Serialize(changed));
            }

            db.AuditEntries.Add(row);
        }

        if (message is not IBaseCommand)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
