using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// The record-access rule is applied as a predicate on the row being read (ADR 0005): a correlated
/// <c>EXISTS</c> on the person's primary key, one index seek per row. The list form,
/// <c>ChildId IN (SELECT Id FROM People WHERE …)</c>, built every visible person's id for every statement
/// (~250 ms at 100,000 children) and must not be written again.
/// </summary>
public sealed class RecordAccessFormTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public void NoCode_BuildsTheListOfVisibleIds()
    {
        var root = RepositoryRoot();
        var listForm = new Regex(@"\bVisibleIds\s*\(|\.Visible\(\s*db\.People\s*\)\s*\.Select\(\s*\w+\s*=>\s*\w+\.Id\s*\)", RegexOptions.Compiled);
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "src/ChildrenServices.Application/Security/RecordAccess.cs")
            .Where(f => listForm.IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .ToList();

        Assert.True(offenders.Count == 0, $"These files build the list of visible ids; apply the rule to the row instead (RecordAccess.Sees / WhereVisible): {string.Join(", ", offenders)}");
    }

    [Fact]
    public async Task TheRuleOnARow_IsACorrelatedSeekOnThePeoplePrimaryKey_NotAList()
    {
        var sql = await WithAccessAsync((db, access) => access.WhereVisible(db.Allocations, a => a.ChildId).Where(a => a.EndedOn == null).ToQueryString());

        var plan = await ExplainAsync(sql);

        Assert.Contains(plan, step => Regex.IsMatch(step, @"SEARCH p (EXISTS )?USING (INDEX sqlite_autoindex_People_1|PRIMARY KEY) \(Id=\?\)"));
        Assert.DoesNotContain(plan, step => step.Contains("LIST SUBQUERY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => Regex.IsMatch(step, @"SCAN p\b"));
    }

    [Fact]
    public async Task TheRuleOnARowsChildren_IsACorrelatedSeekToo()
    {
        var sql = await WithAccessAsync((db, access) => access.VisibleContacts(db.Contacts).Select(c => c.Id).ToQueryString());

        var plan = await ExplainAsync(sql);

        Assert.Contains(plan, step => Regex.IsMatch(step, @"SEARCH p (EXISTS )?USING (INDEX sqlite_autoindex_People_1|PRIMARY KEY) \(Id=\?\)"));
        Assert.DoesNotContain(plan, step => step.Contains("LIST SUBQUERY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhereVisible_LeavesOutRowsOfPeopleRestrictedFromTheUser_AndKeepsTheRest()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Hale");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var team = await CreateTeamAsync(manager, "Assessment team 1", worker);
        var seen = await CreateChildAsync(manager, "Riley", "Taylor");
        var restricted = await CreateChildAsync(manager, "Ava", "Stone", new DateOnly(2017, 3, 2));
        var granted = await CreateChildAsync(manager, "Noah", "Finch", new DateOnly(2016, 7, 9));
        foreach (var child in new[] { seen, restricted, granted })
        {
            await AllocateAsync(manager, child, worker);
        }

        await WithDbAsync(async db =>
        {
            var people = await db.People.Where(p => p.Id == restricted || p.Id == granted).ToListAsync();
            foreach (var person in people)
            {
                person.Restrict(Domain.People.RestrictionReason.HighProfile, Today, Today.AddMonths(6), person.Id == granted ? [manager] : []);
            }

            await db.SaveChangesAsync();
        });

        var visible = await WithAccessAsync(manager, (db, access) =>
            access.WhereVisible(db.Allocations, a => a.ChildId).Where(a => a.TeamId == team).Select(a => a.ChildId).ToListAsync());

        Assert.Equal(new[] { seen, granted }.Order(), visible.Order());
    }

    private Task<T> WithAccessAsync<T>(Func<AppDbContext, RecordAccess, T> read) => WithAccessAsync(Guid.Empty, (db, access) => Task.FromResult(read(db, access)));

    private async Task<T> WithAccessAsync<T>(Guid userId, Func<AppDbContext, RecordAccess, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        if (userId != Guid.Empty)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(await PrincipalForAsync(scope.ServiceProvider, userId));
        }

        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<RecordAccess>());
    }

    /// <summary>SQLite's plan for the statement EF Core wrote (its <c>.param set</c> lines become parameters).</summary>
    private async Task<IReadOnlyList<string>> ExplainAsync(string sql)
    {
        await using var connection = new SqliteConnection(Factory.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Trim().Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim('\''));
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChildrenServices.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ChildrenServices.sln)");
    }
}
