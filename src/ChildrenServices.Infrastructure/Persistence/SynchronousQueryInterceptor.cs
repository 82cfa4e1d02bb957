using System.Data.Common;
using ChildrenServices.Application;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChildrenServices.Infrastructure.Persistence;

/// <summary>
/// Refuses a synchronous database command run inside a step marked by <see cref="SynchronousQueryGuard"/>
/// (a use case's validators). Registered when <c>Database:RefuseSynchronousQueries</c> is set: in
/// Development and Testing, so a validator written with <c>Must(… db.X.Any(…))</c> fails its tests instead
/// of blocking a thread in production. Asynchronous commands go through the <c>…Async</c> overrides, untouched.
/// </summary>
public sealed class SynchronousQueryInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Refuse(command);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Refuse(command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(command);
        return result;
    }

    private static void Refuse(DbCommand command)
    {
        if (SynchronousQueryGuard.CurrentStep is { } step)
        {
            throw new SynchronousQueryException(step, command.CommandText);
        }
    }
}
