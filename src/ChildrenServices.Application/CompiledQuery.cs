using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChildrenServices.Application;

/// <summary>
/// A query compiled once (<c>EF.CompileAsyncQuery</c>) for each model it runs against: EF Core refuses to run a compiled
/// query against a context whose model is not the one it was first compiled for, and one process can hold the SQLite and
/// the SQL Server contexts (the tests do), whose models differ. Used for the reads of the pages opened most often, which
/// EF Core would otherwise prepare again on every request (ADR 0035).
/// </summary>
public sealed class CompiledQuery<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback compile;

    public CompiledQuery(Func<TQuery> compile) => this.compile = _ => compile();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => byModel.GetValue(db.Model, compile);
}
