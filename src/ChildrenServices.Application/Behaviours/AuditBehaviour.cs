using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using Mediator;

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

        var response = await next(message, cancellationToken);

        Guid? personId = message switch
        {
            IPersonScoped scoped => scoped.PersonId,
            ICreatesPerson when response is Guid created => created,
            _ => null,
        };

        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow().UtcDateTime, user.UserId, MessageNames.Of(typeof(TMessage)), personId, user.CorrelationId));

        if (message is not IBaseCommand)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
