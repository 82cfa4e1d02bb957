using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// The benchmark's own reads of the database file, on connections of its own (never the app's): whether the file is one
/// this build can open, who and what to measure, the rows in it, and each page's main query run again as raw SQL.
/// </summary>
internal static class BenchmarkDatabase
{
    /// <summary>The tables of things that happened (contacts, referrals, assessments, plans, visits, reviews, care, notes, allocations), summed as "recorded events".</summary>
    public static readonly IReadOnlyList<string> EventTables =
    [
        "Contacts", "ContactDecisions", "MashChecks", "Referrals", "ChildAndFamilyAssessments", "ChildProtectionEnquiries",
        "ChildProtectionPlans", "ChildProtectionReviews", "ChildProtectionVisits", "ChildInNeedPlans", "ChildInNeedPlanReviews",
        "ChildInNeedPlanVisits", "PeriodsOfCare", "CareEpisodes", "ClaReviews", "ClaVisits", "MissingEpisodes", "EarlyHelpRequests",
        "EarlyHelpEpisodes", "EarlyHelpAssessments", "TafReviews", "PreProceedings", "PreProceedingsMeetings", "CaseNotes",
        "NoteAddenda", "Allocations", "CaseTransfers", "ApprovalRequests",
    ];

    /// <summary>Why the file cannot be benchmarked, or null. The app recreates a database made by another build's migrations (ADR 0003): that must not happen to a file being measured.</summary>
    public static string? Refusal(string file)
    {
        if (!File.Exists(file))
        {
            return $"{file} does not exist: bench measures an existing database (make one with seed-demo --families N --database FILE)";
        }

        try
        {
            using var connection = Open(file);
            var applied = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var known = typeof(SqliteAppDbContext).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteAppDbContext))
                .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
            {
                return $"{file} was made by migration {unknown}, which this build does not have; the app would recreate it empty. Seed it again with this build";
            }

            return applied.Count == 0 ? $"{file} has no schema: seed it first" : null;
        }
        catch (SqliteException e)
        {
            return $"{file} is not a database this app made ({e.Message})";
        }
    }

    public static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // The app's read settings (its page cache), so the floor is the same SQL on a connection set up as the app's are.
        command.CommandText = "PRAGMA busy_timeout = 10000; " + ChildrenServices.Infrastructure.Persistence.DatabaseSetup.SqliteReadSettings;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Who signs in and what they open, chosen from the data so any seeded council works.</summary>
    public static BenchmarkPicks Pick(string file, int writers)
    {
        using var connection = Open(file);

        // Children the demo social worker leads, open to them (not restricted), in a fixed order.
        var records = Strings(connection, """
            SELECT a.ChildId FROM Allocations a
            JOIN AspNetUsers u ON u.Id = a.WorkerId
            JOIN People p ON p.Id = a.ChildId
            WHERE u.NormalizedEmail = 'SOCIALWORKER@DEMO.EXAMPLE' AND a.Role = 'Lead' AND a.EndedOn IS NULL
              AND p.Type = 'Child' AND p.Restriction IS NULL AND p.MergedIntoId IS NULL
            ORDER BY a.ChildId LIMIT 10
            """);

        // The commonest family name: the search with the most matches.
        var (familyName, sharing) = (string.Empty, 0);
        Rows(connection, """
            SELECT FamilyName, COUNT(*) FROM People
            WHERE Restriction IS NULL AND MergedIntoId IS NULL
            GROUP BY FamilyName ORDER BY COUNT(*) DESC, FamilyName LIMIT 1
            """, r => (familyName, sharing) = (r.GetString(0), r.GetInt32(1)));

        // Who may write on whom: the lead worker and the manager of the lead's team (the record-access rule), demo staff only.
        var leads = new List<(string Child, string Worker, string Manager)>();
        Rows(connection, """
            SELECT a.ChildId, w.Email, m.Email FROM Allocations a
            JOIN People p ON p.Id = a.ChildId
            JOIN AspNetUsers w ON w.Id = a.WorkerId
            JOIN Teams t ON t.Id = a.TeamId
            JOIN AspNetUsers m ON m.Id = t.ManagerId
            WHERE a.Role = 'Lead' AND a.EndedOn IS NULL AND p.Type = 'Child' AND p.Restriction IS NULL AND p.MergedIntoId IS NULL
              AND p.DateOfDeath IS NULL AND w.Email LIKE '%@demo.example' AND m.Email LIKE '%@demo.example'
            ORDER BY w.Email, a.ChildId
            """, r => leads.Add((r.GetString(0), r.GetString(1), r.GetString(2))));

        // A child for each of a third as many lead workers as writers; each child's worker and manager write on it,
        // and the remaining writers are second sessions of them, so several writers save on the same child at once.
        var children = leads.GroupBy(l => l.Worker, StringComparer.Ordinal).Select(g => g.First()).Take(Math.Max(1, writers / 3)).ToList();
        var pairs = children.SelectMany(c => new[] { new BenchmarkWriter(c.Worker, c.Child), new BenchmarkWriter(c.Manager, c.Child) }).ToList();
        var slots = pairs.Count == 0 ? [] : Enumerable.Range(0, writers).Select(i => pairs[i % pairs.Count]).ToList();

        // The team with the most lead allocations over the years: the heaviest of the performance pages' team views.
        var busiestTeam = Strings(connection, """
            SELECT TeamId FROM Allocations WHERE Role = 'Lead' GROUP BY TeamId ORDER BY COUNT(*) DESC, TeamId LIMIT 1
            """).FirstOrDefault();

        return new BenchmarkPicks(records, familyName, sharing, slots, busiestTeam);
    }

    /// <summary>Rows in the main tables, the recorded events, and the sizes behind them.</summary>
    public static Dictionary<string, long> RowCounts(string file)
    {
        using var connection = Open(file);
        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["Children"] = Count(connection, "SELECT COUNT(*) FROM People WHERE Type = 'Child' AND MergedIntoId IS NULL"),
            ["Adults"] = Count(connection, "SELECT COUNT(*) FROM People WHERE Type = 'Adult' AND MergedIntoId IS NULL"),
        };
        foreach (var table in new[] { "People", "Relationships", "Households", "AuditEntries" }.Concat(EventTables).Where(tables.Contains))
        {
            counts[table] = Count(connection, $"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    public static long Count(string file, string sql)
    {
        using var connection = Open(file);
        return Count(connection, sql);
    }

    /// <summary>
    /// The raw-SQL floor: <paramref name="command"/>'s exact text and parameter values on a connection of its own, every row
    /// and every column read, <paramref name="warmup"/> times untimed and then <paramref name="runs"/> times timed.
    /// </summary>
    public static (List<double> Milliseconds, int Rows) TimeRaw(string file, BenchmarkSqlCommand command, int warmup, int runs)
    {
        using var connection = Open(file);
        var times = new List<double>(runs);
        var rows = 0;
        for (var i = 0; i < warmup + runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var sql = connection.CreateCommand();
            sql.CommandText = command.Text;
            foreach (var parameter in command.Parameters)
            {
                sql.Parameters.Add(parameter.ToSqlite());
            }

            rows = 0;
            using (var reader = sql.ExecuteReader())
            {
                do
                {
                    while (reader.Read())
                    {
                        for (var c = 0; c < reader.FieldCount; c++)
                        {
                            _ = reader.GetValue(c);
                        }

                        rows++;
                    }
                }
                while (reader.NextResult());
            }

            if (i >= warmup)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (times, rows);
    }

    private static void Rows(SqliteConnection connection, string sql, Action<SqliteDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        var values = new List<string>();
        Rows(connection, sql, r => values.Add(r.GetString(0)));
        return values;
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>Who signs in and what they open.</summary>
/// <param name="Records">Children the demo social worker leads, opened in turn.</param>
/// <param name="FamilyName">The commonest family name, searched for (never printed).</param>
/// <param name="Sharing">How many people have it.</param>
/// <param name="Writers">One per concurrent writer: who signs in and on which child they write.</param>
internal sealed record BenchmarkPicks(IReadOnlyList<string> Records, string FamilyName, int Sharing, IReadOnlyList<BenchmarkWriter> Writers, string? BusiestTeam);

internal sealed record BenchmarkWriter(string Email, string ChildId);
