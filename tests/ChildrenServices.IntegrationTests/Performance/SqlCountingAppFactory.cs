using System.Collections.Concurrent;
using System.Data.Common;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>
/// The real app (its own SQLite file) with every SQL statement of a request recorded: a request that
/// carries <see cref="Header"/> gets a list of its own, which every command EF Core sends while that
/// request runs — the sign-in session check, the security stamp check, the page's reads, the audit
/// insert — is added to. Connection set-up (the SQLite pragmas) is not a statement of the request.
/// </summary>
public sealed class SqlCountingAppFactory : AppFactory
{
    public const string Header = "X-Count-Sql";

    private static readonly AsyncLocal<List<string>?> Current = new();

    private readonly ConcurrentDictionary<string, List<string>> requests = new();

    /// <summary>The statements the request tagged <paramref name="tag"/> sent, in order.</summary>
    public IReadOnlyList<string> StatementsOf(string tag)
    {
        var statements = requests.TryGetValue(tag, out var list) ? list : throw new InvalidOperationException($"No request was tagged {tag}");
        lock (statements)
        {
            return [.. statements];
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(new Recorder()));
            services.AddSingleton<IStartupFilter>(new Tagging(requests));
        });
    }

    private sealed class Tagging(ConcurrentDictionary<string, List<string>> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // First in the pipeline, so authentication's own statements are counted too.
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var tag) && !string.IsNullOrEmpty(tag))
                {
                    var list = new List<string>();
                    requests[tag.ToString()] = list;
                    Current.Value = list;
                }

                await following(context);
            });
            next(app);
        };
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        private static T Record<T>(DbCommand command, T result)
        {
            if (Current.Value is { } list)
            {
                lock (list)
                {
                    list.Add(command.CommandText);
                }
            }

            return result;
        }
    }
}
