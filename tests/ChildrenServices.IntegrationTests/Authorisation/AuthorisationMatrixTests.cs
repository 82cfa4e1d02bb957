using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ChildrenServices.Application;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Behaviours;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.People.Merging;
using ChildrenServices.Application.Security;
using ChildrenServices.DemoData;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Authorisation;

/// <summary>
/// Issue 15's authorisation matrix. Every page handler the app serves and every use case it has are found by reflection
/// (the compiled Razor Pages' handler methods; every Mediator message in the Application assembly) and each is tried by
/// every role, and anonymously, in every data relation to the child it is about: own case, same team, other team,
/// restricted and allowed, restricted and not allowed. What happened is compared with the reviewed tables beside this
/// file (<c>pages.matrix</c>, <c>use-cases.matrix</c>): a handler or use case with no row fails, a row for one that is
/// gone fails, and any cell that differs fails. A changed permission therefore shows as a reviewed change to a table.
/// Rules that must hold whatever the tables say (nobody anonymous gets past sign-in; nobody reads a record restricted from
/// them; administrators, performance officers and the data protection officer open no child's record) are asserted too.
/// <para>
/// Pages are requested over HTTP as a browser would, each role with its own antiforgery token (taken, as an attacker
/// would take it, from a page they may open: a token is per user, not per form), and POSTs carry no fields, so the page's
/// policy, the person filter and the use case's gate all run before anything is saved. A POST that got through and
/// redirected (it did something) puts the database back before the next probe. Use cases are tried at their gate: the
/// real authorisation behaviour, as registered in the pipeline, with the message about the subject child.
/// </para>
/// <para>
/// To accept a reviewed change, run with <c>AUTHORISATION_MATRIX=write</c> and read the diff of the tables before committing.
/// </para>
/// </summary>
public sealed partial class AuthorisationMatrixTests(AppFactory factory) : IntegrationTest(factory)
{
    private static AuthorisationWorld? world;

    private const string Anonymous = "anon";

    private static readonly Relation[] Relations = Enum.GetValues<Relation>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Factory.HasSnapshot && world is not null)
        {
            await Factory.RestoreSnapshotAsync();
            return;
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 25));
        }

        world = await BuildWorldAsync();
        await Factory.SaveSnapshotAsync();
    }

    private async Task<AuthorisationWorld> BuildWorldAsync()
    {
        var w = new AuthorisationWorld();
        await WithDbAsync(db => w.FindAsync(db));

        foreach (var role in AuthorisationWorld.RoleOrder)
        {
            foreach (var relation in new[] { Relation.Own, Relation.SameTeam, Relation.OtherTeam })
            {
                w.Users[(role, relation)] = await CreateUserAsync(role, $"{AuthorisationWorld.Short[role]} {relation} Probe");
            }
        }

        var ownManager = w.UserFor(Roles.TeamManager, Relation.Own);
        var otherTeam = await CreateTeamAsync(w.UserFor(Roles.TeamManager, Relation.OtherTeam), "Matrix other team",
            [.. Roles.CaseHolding.Where(r => r != Roles.TeamManager).Select(r => w.UserFor(r, Relation.OtherTeam))]);
        var receivingManager = await CreateUserAsync(Roles.TeamManager, "Receiving Manager");
        var receivingTeam = await CreateTeamAsync(receivingManager, "Matrix receiving team");

        // A pending transfer (of a held child other than the record's) and an undoable merge, which the demo council has none of.
        var transferred = await WithDbAsync(w.AnotherHeldChildAsync);
        var first = await CreateChildAsync(w.Worker, "Merlo", "Quantock", new DateOnly(2019, 2, 3));
        var second = await CreateChildAsync(w.Worker, "Merlo", "Quantock", new DateOnly(2019, 2, 3));
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(first, w.Worker, w.HoldingTeam, AllocationRole.Lead, Today, w.Worker));
            await db.SaveChangesAsync();
        });

        w.NoteId = await SendAsUserAsync(w.Worker, new RecordCaseNote.Command
        {
            PersonId = w.Child, Type = Domain.Recording.CaseNoteType.Visit, OccurredOn = Today.AddDays(-1), Title = "Visit at the placement", Text = "Seen at the placement; settled.",
        });

        // A missing episode and a deprivation of liberty order on the record's child, where the demo council has none held.
        if (w.MissingId == Guid.Empty)
        {
            var period = await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == w.Child && p.EndedOn == null).Select(p => new { p.Id, p.Version }).SingleAsync());
            w.MissingId = await SendAsUserAsync(w.Worker, new RecordMissingEpisode.Command { PersonId = w.Child, PeriodOfCareId = period.Id, Version = period.Version, MissingType = "M", StartedOn = Today.AddDays(-3) });
            w.MissingChild = w.Child;
        }

        if (w.OrderId == Guid.Empty)
        {
            var period = await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == w.Child && p.EndedOn == null).Select(p => new { p.Id, p.Version }).SingleAsync());
            w.OrderId = await SendAsUserAsync(w.Worker, new RecordDeprivationOfLiberty.Command { PersonId = w.Child, PeriodOfCareId = period.Id, Version = period.Version, StartedOn = Today.AddDays(-10) });
            w.OrderChild = w.Child;
        }

        w.Subjects.UnionWith([w.Child, w.NoteChild, w.MissingChild, w.OrderChild, transferred, first]);
        foreach (var children in w.ChildrenOf.Values)
        {
            w.Subjects.UnionWith(children);
        }

        w.Subjects.Remove(Guid.Empty);
        await RelateAsync(w, ownManager);

        w.TransferId = await SendAsUserAsync(ownManager, new TransferCase.Command { PersonId = transferred, ToTeamId = receivingTeam, HandoverNote = "Moving to the receiving team." });
        w.ChildrenOf[w.TransferId] = [transferred];
        w.MergeId = await SendAsUserAsync(ownManager, new MergeRecords.Command
        {
            SurvivorId = first, MergedId = second, SurvivorVersion = await VersionOfAsync(first), MergedVersion = await VersionOfAsync(second),
        });
        w.ChildrenOf[w.MergeId] = [first];
        w.TargetUser = await CreateUserAsync(Roles.SocialWorker, "Target Colleague");
        return w;
    }

    /// <summary>Puts the probing colleagues in their relation to every subject child: allocated, in the holding team, elsewhere.</summary>
    private Task RelateAsync(AuthorisationWorld w, Guid ownManager) => WithDbAsync(async db =>
    {
        foreach (var child in w.Subjects)
        {
            var holding = await RecordAccess.HoldingTeamIds(db, child).FirstOrDefaultAsync();
            if (holding == Guid.Empty)
            {
                holding = w.HoldingTeam;
                db.Allocations.Add(new Allocation(child, w.Worker, holding, AllocationRole.Lead, Today, ownManager));
            }

            var team = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == holding);
            team.AppointManager(ownManager);
            foreach (var role in Roles.CaseHolding.Where(r => r != Roles.TeamManager))
            {
                team.AddMember(w.UserFor(role, Relation.Own));
                team.AddMember(w.UserFor(role, Relation.SameTeam));
                if (!await db.Allocations.AnyAsync(a => a.ChildId == child && a.WorkerId == w.UserFor(role, Relation.Own) && a.EndedOn == null))
                {
                    db.Allocations.Add(new Allocation(child, w.UserFor(role, Relation.Own), holding, AllocationRole.CoWorker, Today, ownManager));
                }
            }

            team.AddMember(w.UserFor(Roles.TeamManager, Relation.SameTeam));
            foreach (var current in await db.ReviewingOfficerAllocations.Where(a => a.ChildId == child && a.EndedOn == null).ToListAsync())
            {
                current.End(current.StartedOn < Today ? Today.AddDays(-1) : Today);
            }

            db.ReviewingOfficerAllocations.Add(new ReviewingOfficerAllocation(child, w.UserFor(Roles.ReviewingOfficer, Relation.Own), Today, ownManager));
            await db.SaveChangesAsync();
        }

        // A family's early help is the keyworker's own case, and an early help request waits for the manager of its team.
        var episode = await db.EarlyHelpEpisodes.SingleAsync(e => e.Id == w.EpisodeId);
        episode.ChangeKeyworker(w.UserFor(Roles.FamilyKeyworker, Relation.Own));
        var requestTeam = await db.EarlyHelpRequests.Where(r => r.Id == w.EarlyHelpRequestId).Select(r => r.TeamId).SingleAsync();
        foreach (var team in await db.Teams.Include(t => t.Members).Where(t => t.Id == episode.TeamId || t.Id == requestTeam).ToListAsync())
        {
            team.AppointManager(ownManager);
            team.AddMember(w.UserFor(Roles.FamilyKeyworker, Relation.Own));
        }

        await db.SaveChangesAsync();
    });

    /// <summary>The restricted relations: every subject restricted, the other-team colleagues on its allow-list, the same-team ones not.</summary>
    private Task RestrictSubjectsAsync(AuthorisationWorld w) => WithDbAsync(async db =>
    {
        var allowed = AuthorisationWorld.RoleOrder.Select(r => w.UserFor(r, Relation.RestrictedAllowed)).ToList();
        foreach (var person in await db.People.Include(p => p.RestrictionGrants).Where(p => w.Subjects.Contains(p.Id)).ToListAsync())
        {
            if (person.Restriction is null)
            {
                person.Restrict(RestrictionReason.HighProfile, Today, Today.AddMonths(6), allowed);
            }
            else
            {
                allowed.ForEach(person.Allow);
            }

            foreach (var role in AuthorisationWorld.RoleOrder)
            {
                person.Disallow(w.UserFor(role, Relation.RestrictedNotAllowed));
            }
        }

        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task EveryPageHandler_ByEveryRoleAndAnonymous_InEveryRelation_DoesWhatTheMatrixSays()
    {
        var w = world!;
        var endpoints = await EndpointsAsync();
        Assert.True(endpoints.Count > 250, $"Expected every page handler, found {endpoints.Count}");

        var results = new Dictionary<string, Row>();
        var unresolved = new List<string>();
        var targets = new List<(Endpoint Endpoint, string Url, IReadOnlyList<Guid> Subjects)>();
        foreach (var endpoint in endpoints)
        {
            var (url, subjects, problem) = Resolve(endpoint, w);
            if (problem is not null)
            {
                unresolved.Add($"{endpoint.Key}: {problem}");
                continue;
            }

            targets.Add((endpoint, url!, subjects));
            results[endpoint.Key] = new Row(endpoint.Key, subjects.Count > 0);
        }

        Assert.True(unresolved.Count == 0, "Routes the matrix cannot fill in (give AuthorisationWorld a record for them): " + string.Join("; ", unresolved) + " — " + w.Describe());

        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var restricted in new[] { false, true })
        {
            if (restricted)
            {
                await RestrictSubjectsAsync(w);
            }

            foreach (var (endpoint, url, subjects) in targets)
            {
                var row = results[endpoint.Key];
                if (!restricted)
                {
                    row.Anonymous = await ProbeAsync(await ClientAsync(clients, null), endpoint, url, restricted);
                }
                else if (subjects.Count == 0)
                {
                    continue;
                }

                foreach (var role in AuthorisationWorld.RoleOrder)
                {
                    foreach (var relation in Relations.Where(r => restricted == r is Relation.RestrictedAllowed or Relation.RestrictedNotAllowed))
                    {
                        row.Cells[(role, relation)] = await ProbeAsync(await ClientAsync(clients, w.UserFor(role, relation)), endpoint, url, restricted);
                    }
                }
            }
        }

        AssertRules(results.Values, publicKey: key => key.Contains(" /request", StringComparison.Ordinal) || key.Contains(" /Account/", StringComparison.Ordinal) || key.Contains(" /Error", StringComparison.Ordinal) || key is "GET /" or "GET /Index");
        CompareWithMatrix("pages.matrix", "page handler", results.Values);
    }

    [Fact]
    public async Task EveryUseCase_ByEveryRoleAndAnonymous_InEveryRelation_DoesWhatTheMatrixSays()
    {
        var w = world!;
        var messages = typeof(RecordAccess).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t))
            .OrderBy(Name).ToList();
        Assert.True(messages.Count > 150, $"Expected every use case, found {messages.Count}");

        var results = messages.ToDictionary(Name, m => new Row(Name(m), Subjects(m, w).Count > 0));
        foreach (var restricted in new[] { false, true })
        {
            if (restricted)
            {
                await RestrictSubjectsAsync(w);
            }

            foreach (var message in messages)
            {
                var row = results[Name(message)];
                if (!restricted)
                {
                    row.Anonymous = await GateAsync(message, null, w);
                }
                else if (!row.HasSubjects)
                {
                    continue;
                }

                foreach (var role in AuthorisationWorld.RoleOrder)
                {
                    foreach (var relation in Relations.Where(r => restricted == r is Relation.RestrictedAllowed or Relation.RestrictedNotAllowed))
                    {
                        row.Cells[(role, relation)] = await GateAsync(message, w.UserFor(role, relation), w);
                    }
                }
            }
        }

        var publicMessages = messages.Where(m => m.GetCustomAttribute<AllowPublicAttribute>() is not null).Select(Name).ToHashSet();
        AssertRules(results.Values, publicMessages.Contains);
        CompareWithMatrix("use-cases.matrix", "use case", results.Values);
    }

    /// <summary>What a row must show whatever the reviewed table says.</summary>
    private static void AssertRules(IEnumerable<Row> rows, Func<string, bool> publicKey)
    {
        var problems = new List<string>();
        string[] noCaseContent = [Roles.PerformanceOfficer, Roles.Administrator, Roles.DataProtectionOfficer];
        foreach (var row in rows)
        {
            if (row.Anonymous == 'x' || row.Cells.Values.Contains('x'))
            {
                problems.Add($"{row.Key} answered with a server error");
            }

            if (!publicKey(row.Key) && row.Anonymous != 's')
            {
                problems.Add($"{row.Key} did not send an anonymous visitor to sign in (got {row.Anonymous})");
            }

            if (row.HasSubjects)
            {
                problems.AddRange(AuthorisationWorld.RoleOrder.Where(role => row.Cells[(role, Relation.RestrictedNotAllowed)] is 'o' or 'x')
                    .Select(role => $"{row.Key} let a {role} not allowed to see a restricted record through"));
                problems.AddRange(noCaseContent.Where(role => Relations.Any(r => row.Cells[(role, r)] == 'o'))
                    .Select(role => $"{row.Key} let a {role} (no case content) through on a child's record"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void CompareWithMatrix(string file, string what, IEnumerable<Row> rows)
    {
        var path = Path.Combine(SourceFolder(), file);
        var actual = Render(rows, what);
        if (Environment.GetEnvironmentVariable("AUTHORISATION_MATRIX") == "write")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var written = Path.Combine(Path.GetTempPath(), $"{file}.{Guid.NewGuid():N}.actual");
        var expected = File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
        var found = Parse(actual);
        var missing = found.Keys.Except(expected.Keys).Order(StringComparer.Ordinal).ToList();
        var gone = expected.Keys.Except(found.Keys).Order(StringComparer.Ordinal).ToList();
        var differ = found.Keys.Intersect(expected.Keys).Where(k => found[k] != expected[k]).Order(StringComparer.Ordinal)
            .Select(k => $"{k}{Environment.NewLine}    matrix: {expected[k]}{Environment.NewLine}    actual: {found[k]}").ToList();
        if (missing.Count + gone.Count + differ.Count > 0)
        {
            File.WriteAllText(written, actual);
        }

        Assert.True(missing.Count == 0, $"Each {what} needs a reviewed row in {file}; these have none (what they did is in {written}):{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
        Assert.True(gone.Count == 0, $"{file} has rows for {what}s that no longer exist:{Environment.NewLine}{string.Join(Environment.NewLine, gone)}");
        Assert.True(differ.Count == 0, $"These {what}s no longer do what {file} says (all results: {written}):{Environment.NewLine}{string.Join(Environment.NewLine, differ)}");
    }

    private static string Render(IEnumerable<Row> rows, string what)
    {
        var text = new StringBuilder();
        text.AppendLine($"# The authorisation matrix: every {what} x every role (and anonymous) x the child's relation to the user.");
        text.AppendLine("# Checked by AuthorisationMatrixTests; a new " + what + " fails until it has a reviewed row here.");
        text.AppendLine("# Per role, five results: own case, same team, other team, restricted and allowed, restricted and not allowed.");
        text.AppendLine("#   o  got through (shown, saved, or refused only by validation)    f  forbidden (403)");
        text.AppendLine("#   h  hidden: answered as if it did not exist (404)                 s  sent to sign in");
        text.AppendLine("#   r  sent back to the same page, nothing read (a draft discarded, a search made a link)");
        text.AppendLine("#   c  refused as a conflict (409): what the form is about cannot be shown to this user, as if gone");
        text.AppendLine("#   -  not about a child, so no restricted relation                   x  server error (never allowed)");
        text.AppendLine("# Roles: " + string.Join(", ", AuthorisationWorld.RoleOrder.Select(r => $"{AuthorisationWorld.Short[r]} {Roles.Describe(r).ToLowerInvariant()}")));
        var width = rows.Max(r => r.Key.Length) + 2;
        text.AppendLine("#".PadRight(width) + "anon  " + string.Join(" ", AuthorisationWorld.RoleOrder.Select(r => AuthorisationWorld.Short[r].PadRight(5))));
        foreach (var row in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(row.Key.PadRight(width)).Append(row.Anonymous).Append("     ");
            text.AppendLine(string.Join(" ", AuthorisationWorld.RoleOrder.Select(role => new string([.. Relations.Select(rel => row.Cells.TryGetValue((role, rel), out var c) ? c : '-')]))));
        }

        return text.ToString();
    }

    /// <summary>The table's rows: key → its cells as written (whitespace collapsed).</summary>
    private static Dictionary<string, string> Parse(string text) => text.Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => string.Join(' ', parts.Take(KeyParts(parts))), parts => string.Join(' ', parts.Skip(KeyParts(parts))), StringComparer.Ordinal);

    /// <summary>A page row's key is its method and address (two words); a use case's is its name (one).</summary>
    private static int KeyParts(string[] parts) => parts[0] is "GET" or "POST" ? 2 : 1;

    private sealed class Row(string key, bool hasSubjects)
    {
        public string Key { get; } = key;

        public bool HasSubjects { get; } = hasSubjects;

        public char Anonymous { get; set; } = '?';

        public Dictionary<(string Role, Relation Relation), char> Cells { get; } = [];
    }

    // ---- Pages ----

    private sealed record Endpoint(string Method, string Template, string? Handler, CompiledPageActionDescriptor Page)
    {
        public bool HandlerInRoute => Template.Contains("{handler?}", StringComparison.Ordinal);

        public string Address => HandlerInRoute
            ? "/" + Template.Replace("{handler?}", Handler ?? string.Empty, StringComparison.Ordinal).TrimEnd('/')
            : "/" + Template + (Handler is null ? string.Empty : "?handler=" + Handler);

        public string Key => $"{Method} {Address}";
    }

    private async Task<IReadOnlyList<Endpoint>> EndpointsAsync()
    {
        var loader = Factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<CompiledPageActionDescriptor>();
        foreach (var descriptor in Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
        {
            pages.Add(descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty));
        }

        return [.. pages.Where(p => p.HandlerTypeInfo.Assembly == typeof(Program).Assembly)
            .GroupBy(p => p.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.AttributeRouteInfo!.Template!.Length).First())
            .SelectMany(p => p.HandlerMethods.Where(h => h.HttpMethod is "Get" or "Post").Select(h => new Endpoint(h.HttpMethod.ToUpperInvariant(), Constraint().Replace(p.AttributeRouteInfo!.Template!, "{$1$2}"), h.Name, p)))
            .DistinctBy(e => e.Key)];
    }

    /// <summary>The address to request, with real ids from the world, and the children it is about.</summary>
    private static (string? Url, IReadOnlyList<Guid> Subjects, string? Problem) Resolve(Endpoint endpoint, AuthorisationWorld w)
    {
        var template = endpoint.Address;
        var values = new Dictionary<string, Guid>();
        IReadOnlyList<Guid> subjects = [];
        void Person(Guid child) => (values["id"], subjects) = (child, [child]);
        void Entity(Guid id) => (values["id"], subjects) = (id, w.ChildrenOf.TryGetValue(id, out var c) ? c : []);

        switch (template)
        {
            case var t when t.StartsWith("/People/{id}/Notes/{noteId}", StringComparison.Ordinal):
                Person(w.NoteChild);
                values["noteId"] = w.NoteId;
                break;
            case var t when t.StartsWith("/People/{id}/LookedAfter/Missing/{missingId}", StringComparison.Ordinal):
                Person(w.MissingChild);
                values["missingId"] = w.MissingId;
                break;
            case var t when t.StartsWith("/People/{id}/LookedAfter/LibertyOrder/{orderId}", StringComparison.Ordinal):
                Person(w.OrderChild);
                values["orderId"] = w.OrderId;
                break;
            case var t when t.StartsWith("/People/{id}/Corrections/{kind}/{recordId}", StringComparison.Ordinal):
                Person(w.Child);
                values["recordId"] = w.LeadAllocationId;
                template = template.Replace("{kind}", nameof(Domain.Recording.CorrectedRecord.AllocationStart), StringComparison.Ordinal);
                break;
            case var t when t.StartsWith("/People/Merges/{mergeId}", StringComparison.Ordinal):
                values["mergeId"] = w.MergeId;
                subjects = w.ChildrenOf[w.MergeId];
                break;
            case var t when t.StartsWith("/People/{id}", StringComparison.Ordinal):
                Person(w.Child);
                break;
            case var t when t.StartsWith("/FrontDoor/Contacts/{id}/Checks/{checkId}", StringComparison.Ordinal):
                Entity(w.CheckContactId);
                values["checkId"] = w.CheckId;
                break;
            case var t when t.StartsWith("/FrontDoor/Contacts/{id}", StringComparison.Ordinal):
                Entity(w.ContactId);
                break;
            case var t when t.StartsWith("/EarlyHelp/Episodes/{id}/Goals/{goalId}", StringComparison.Ordinal):
                Entity(w.EpisodeId);
                values["goalId"] = w.GoalId;
                break;
            case var t when t.StartsWith("/EarlyHelp/Episodes/{id}", StringComparison.Ordinal):
                Entity(w.EpisodeId);
                break;
            case var t when t.StartsWith("/EarlyHelp/Requests/{id}", StringComparison.Ordinal):
                Entity(w.EarlyHelpRequestId);
                break;
            case var t when t.StartsWith("/Approvals/{id}", StringComparison.Ordinal):
                Entity(w.ApprovalId);
                break;
            case var t when t.StartsWith("/Transfers/{id}", StringComparison.Ordinal):
                Entity(w.TransferId);
                break;
            case var t when t.StartsWith("/Notifications/{id}", StringComparison.Ordinal):
                values["id"] = w.NotificationId;
                break;
            case var t when t.StartsWith("/Team/Workers/{id}", StringComparison.Ordinal):
                values["id"] = w.Worker;
                break;
            case var t when t.StartsWith("/Admin/Users/", StringComparison.Ordinal):
                values["id"] = w.TargetUser;
                break;
            case var t when t.StartsWith("/Error/{code?}", StringComparison.Ordinal):
                // The error page with no code is the one shown after an exception, and answers 500 by design: ask for a 400's.
                template = template.Replace("{code?}", "400", StringComparison.Ordinal);
                break;
            case var t when t.StartsWith("/Admin/Teams/Edit/{id?}", StringComparison.Ordinal):
                values["id"] = w.HoldingTeam;
                break;
        }

        var empty = values.Where(v => v.Value == Guid.Empty).Select(v => v.Key).ToList();
        if (empty.Count > 0)
        {
            return (null, [], $"no {string.Join(", ", empty)} in the world");
        }

        var url = Parameter().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v.ToString() : m.Groups[2].Success ? string.Empty : m.Value);
        url = url.Replace("//", "/", StringComparison.Ordinal);
        if (url.Length > 1 && url.EndsWith('/'))
        {
            url = url.TrimEnd('/');
        }

        var left = Parameter().Match(url);
        return left.Success ? (null, [], $"nothing for {{{left.Groups[1].Value}}}") : (url.Replace("/?", "?", StringComparison.Ordinal), subjects, null);
    }

    private async Task<(HttpClient Client, string Token)> ClientAsync(Dictionary<string, (HttpClient, string)> clients, Guid? user)
    {
        var key = user?.ToString() ?? Anonymous;
        if (clients.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var client = user is { } id ? ClientFor(id) : AnonymousClient();
        var page = user is null ? "/Account/SignIn" : "/Account/ChangePassword";
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var token = PostFormsOn(html, page).Select(f => f.Form.Token).First(t => !string.IsNullOrEmpty(t))!;
        clients[key] = (client, token);
        return (client, token);
    }

    private async Task<char> ProbeAsync((HttpClient Client, string Token) who, Endpoint endpoint, string url, bool restricted)
    {
        using var request = new HttpRequestMessage(endpoint.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, url);
        if (endpoint.Method == "POST")
        {
            request.Content = new FormUrlEncodedContent([F(TokenField, who.Token)]);
        }

        using var response = await who.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (Environment.GetEnvironmentVariable("AUTHORISATION_MATRIX_TRACE") is { Length: > 0 } trace)
        {
            var body = (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : string.Empty;
            File.AppendAllText(trace, $"{endpoint.Key}\t{url}\t{Label(who.Client.DefaultRequestHeaders.FirstOrDefault().Value?.FirstOrDefault(), restricted)}\t{restricted}\t{(int)response.StatusCode}\t{location}\n");
        }

        var result = (int)response.StatusCode switch
        {
            >= 500 => 'x',
            401 => 's',
            403 => 'f',
            404 => 'h',
            409 => 'c',
            >= 300 and < 400 when location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) => 's',
            >= 300 and < 400 when SamePage(url, location) => 'r',
            _ => 'o',
        };

        // It did something: put the data back so the next probe meets the same world.
        if (result == 'o' && endpoint.Method == "POST" && (int)response.StatusCode is >= 300 and < 400)
        {
            await Factory.RestoreSnapshotAsync();
            if (restricted)
            {
                await RestrictSubjectsAsync(world!);
            }
        }

        return result;
    }

    private static string Label(string? user, bool restricted) =>
        world!.Users.Where(u => u.Value.ToString() == user).Select(u => $"{AuthorisationWorld.Short[u.Key.Role]} {(restricted ? (u.Key.Relation == Relation.OtherTeam ? Relation.RestrictedAllowed : Relation.RestrictedNotAllowed) : u.Key.Relation)}").FirstOrDefault() ?? Anonymous;

    /// <summary>A redirect back to the page itself (a draft discarded, a search made into a link): it reads and shows nothing.</summary>
    private static bool SamePage(string url, string location)
    {
        static string PathOf(string address) => new Uri(AppFactory.BaseAddress, address).AbsolutePath.TrimEnd('/');
        return location.Length > 0 && string.Equals(PathOf(url), PathOf(location), StringComparison.OrdinalIgnoreCase);
    }

    // ---- Use cases ----

    private static string Name(Type message) => message.FullName!["ChildrenServices.Application.".Length..].Replace('+', '.');

    private static IReadOnlyList<Guid> Subjects(Type message, AuthorisationWorld w)
    {
        var subjects = new HashSet<Guid>();
        if (typeof(IPersonScoped).IsAssignableFrom(message) || typeof(IChildrenScoped).IsAssignableFrom(message))
        {
            subjects.Add(w.Child);
        }

        if (typeof(IContactScoped).IsAssignableFrom(message))
        {
            subjects.UnionWith(w.ChildrenOf[w.ContactId]);
        }

        if (typeof(IEpisodeScoped).IsAssignableFrom(message))
        {
            subjects.UnionWith(w.ChildrenOf[w.EpisodeId]);
        }

        return [.. subjects];
    }

    /// <summary>The message, about the world's subject child (or contact, or episode), through the authorisation behaviour the pipeline runs for it.</summary>
    private async Task<char> GateAsync(Type message, Guid? user, AuthorisationWorld w)
    {
        var response = message.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                && (d == typeof(ICommand<>) || d == typeof(IQuery<>) || d == typeof(IRequest<>)))
            .Select(i => i.GetGenericArguments()[0]).FirstOrDefault() ?? typeof(Unit);
        var instance = message.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(message)! : RuntimeHelpers.GetUninitializedObject(message);
        Set(instance, nameof(IPersonScoped.PersonId), w.Child);
        Set(instance, nameof(IContactScoped.ContactId), w.ContactId);
        Set(instance, nameof(IEpisodeScoped.EpisodeId), w.EpisodeId);
        if (instance is IChildrenScoped)
        {
            Set(instance, nameof(IChildrenScoped.ChildIds), new List<Guid> { w.Child });
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        if (user is { } id)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(await PrincipalForAsync(scope.ServiceProvider, id), $"matrix-{Guid.NewGuid():N}");
        }

        var gate = typeof(AuthorisationMatrixTests).GetMethod(nameof(PassGateAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(message, response);
        var result = await (Task<char>)gate.Invoke(null, [scope.ServiceProvider, instance])!;
        return user is null && result == 'f' ? 's' : result;
    }

    private static async Task<char> PassGateAsync<TMessage, TResponse>(IServiceProvider services, object message)
        where TMessage : notnull, IMessage
    {
        var behaviour = services.GetServices<IPipelineBehavior<TMessage, TResponse>>().OfType<AuthorisationBehaviour<TMessage, TResponse>>().SingleOrDefault();
        if (behaviour is null)
        {
            return 'n';
        }

        var reached = false;
        try
        {
            await behaviour.Handle((TMessage)message, (_, _) => { reached = true; return ValueTask.FromResult(default(TResponse)!); }, TestContext.Current.CancellationToken);
        }
        catch (ForbiddenException)
        {
            return 'f';
        }
        catch (NotFoundException)
        {
            return 'h';
        }

        return reached ? 'o' : '?';
    }

    private static void Set(object instance, string name, object value)
    {
        var property = instance.GetType().GetProperty(name);
        if (property is null)
        {
            return;
        }

        if (property.CanWrite)
        {
            property.SetValue(instance, value);
            return;
        }

        var field = instance.GetType().GetField($"<{name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{instance.GetType().FullName}.{name} cannot be set");
        field.SetValue(instance, value);
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "ChildrenServices.IntegrationTests", "Authorisation");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("tests/ChildrenServices.IntegrationTests/Authorisation");
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}?]+)?(\?)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{(\w+)(\?)?\}")]
    private static partial Regex Parameter();
}
