using ChildrenServices.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Behaviours;

/// <summary>
/// Fourth, commands only: one transaction (joining one already open), one save, one commit.
/// Handlers never save. A command that throws leaves nothing written and nothing tracked.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IAppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await next(message, cancellationToken);
            await SaveAsync(cancellationToken);
            return joined;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone saved between this user's check and this save: name them from the row as it now is.
            var entry = ex.Entries.FirstOrDefault(e => e.Entity is Aggregate);
            var current = entry is null ? null : await entry.GetDatabaseValuesAsync(cancellationToken);
            throw new ConcurrencyConflictException(
                current?.GetValue<string?>(nameof(Aggregate.UpdatedByName)),
                current?.GetValue<DateTime>(nameof(Aggregate.UpdatedAtUtc)));
        }
    }
}
