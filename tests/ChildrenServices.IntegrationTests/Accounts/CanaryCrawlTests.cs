using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Application.People.Merging;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.DemoData;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>
/// The canary host as <see cref="CanaryAppFactory"/> sets it up (the app logging at Debug, every line captured), with a
/// second, real Serilog sink: every event as compact JSON in a file of the test's own, so the search also sees what the
/// console template writes besides the message — every property, scopes included.
/// </summary>
public sealed class CanaryCrawlAppFactory : AppFactory
{
    public CanaryCrawlAppFactory() => Logs.MinimumLevel = LogLevel.Debug;

    public string SerilogFile { get; } = Path.Combine(Path.GetTempPath(), $"childrenservices-canary-crawl-{Guid.NewGuid():N}.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");

        // A configuration source of its own, not UseSetting: that gives every parent key an empty value, which Serilog's
        // settings reader takes for a sink named "" and ignores the sink.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:Using:0"] = "Serilog.Sinks.File",
            ["Serilog:WriteTo:CanaryFile:Name"] = "File",
            ["Serilog:WriteTo:CanaryFile:Args:path"] = SerilogFile,
            ["Serilog:WriteTo:CanaryFile:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        }));
    }

    /// <summary>Every line the file sink has written so far (it is still open: read with sharing).</summary>
    public IReadOnlyList<string> SerilogLines()
    {
        if (!File.Exists(SerilogFile))
        {
            return [];
        }

        using var stream = new FileStream(SerilogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            File.Delete(SerilogFile);
        }
        catch (IOException)
        {
            // Still open: the temp folder is cleared in time, and the name is unique.
        }
    }
}

/// <summary>
/// Issue 15's canary through EVERY form: on the demo council, each demo user (one per role), and a member of the public,
/// crawls the site as a browser would and submits every form it finds once, every box filled with made-up personal data
/// that appears nowhere else (names, a date of birth, an NHS number, a UPN, an address, note text). Then every log line
/// the app wrote at Debug — the captured messages with their exception text, and Serilog's own JSON output with every
/// property — is searched for them. Nothing may answer 500, and nothing may reach the logs.
/// </summary>
public sealed partial class CanaryCrawlTests(CanaryCrawlAppFactory factory) : IntegrationTest(factory), IClassFixture<CanaryCrawlAppFactory>
{
    // Made up for this test; no other file holds them.
    private const string Given = "Vexmorrow";
    private const string Family = "Quistelbaine";
    private const string FullName = Given + " " + Family;
    private const string Nhs = "7385192645";
    private const string NhsSpaced = "738 519 2645";
    private const string UpnBody = "938471620583";
    private const string NoteWord = "Plimsworth";
    private const string NoteText = NoteWord + " lanternfish marzipan";
    private const string Street = "14 Grindlewick Mews";
    private const string Postcode = "ZX9 4QJ";
    private const string Email = "vexmorrow.quistelbaine@example.org";
    private const string Phone = "07700 900417";
    private const string CanaryPassword = "Tavishmoor-Snorrelind-2017";
    private static readonly DateOnly Born = new(2017, 2, 23);
    private static readonly string Upn = UniquePupilNumber.Create(UpnBody).Value;

    /// <summary>Pages each crawler opens from its queue (at most: the queue usually runs dry first): the bound that keeps the run short.</summary>
    private const int PagesPerUser = 300;

    /// <summary>How many pages of one kind (path without ids) a crawler opens: a second child's page may hold other forms.</summary>
    private const int VisitsPerKind = 5;

    /// <summary>Seeded staff beyond the one-per-role demo users: the early help and statutory teams' managers and workers.</summary>
    private static readonly string[] CaseHolders = ["r.adeyemi@demo.example", "c.brightwell@demo.example", "b.frost@demo.example", "s.whitaker@demo.example"];

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(families: 12));

        // The demo has no case on its way between teams: two are sent (as the assessment team's manager would) to the
        // teams Colin Brightwell manages, so the transfer pages — accept, and decline — have something to decide.
        var sam = await WithDbAsync(db => db.Staff.Where(s => s.Email == "manager@demo.example").Select(s => s.Id).SingleAsync());
        var teams = await WithDbAsync(db => db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id));
        var held = await WithDbAsync(db => db.Allocations
            .Where(a => a.EndedOn == null && a.Role == AllocationRole.Lead && a.TeamId == teams["Assessment Team"])
            .OrderBy(a => a.StartedOn).Select(a => a.ChildId).Distinct().Take(2).ToListAsync());
        Assert.Equal(2, held.Count);
        await SendAsUserAsync(sam, new TransferCase.Command
        {
            PersonId = held[0], ToTeamId = teams["Children in Need and Protection North"], HandoverNote = "Assessment complete: a child in need plan is recommended.",
        });
        await SendAsUserAsync(sam, new TransferCase.Command
        {
            PersonId = held[1], ToTeamId = teams["Children Looked After"], HandoverNote = "Accommodated under section 20 last week.",
        });

        await StageFormsAsync(sam);
        await Factory.SaveSnapshotAsync();
    }

    /// <summary>Children the set-up put in a state of its own (<see cref="StageFormsAsync"/>): not picked as an example of their kind.</summary>
    private readonly HashSet<Guid> staged = [];

    /// <summary>The pages of the forms the demo data never shows, staged by the set-up: every crawler opens them first.</summary>
    private readonly List<string> stagedPages = [];

    /// <summary>
    /// Puts in place, through the real use cases and as the demo user whose work it is, what the demo council has none of and
    /// the forms about it need: a decision waiting for sign-off, a section 47 that needs a conference, pre-proceedings that
    /// decided to issue, a missing episode still open and one to interview about, a deprivation of liberty order in force, an
    /// undoable merge, an authenticator with its recovery codes, and someone for a canary search to find.
    /// </summary>
    private async Task StageFormsAsync(Guid sam)
    {
        // A front-door decision where sign-off is required (the setting on only while it is made): Priya decides, Sam signs off.
        var priya = await StaffIdAsync("frontdoor@demo.example");
        var contact = await WithDbAsync(db => db.Contacts.Where(c => c.Status == Domain.FrontDoor.ContactStatus.AwaitingDecision)
            .OrderByDescending(c => c.ReceivedAtUtc).Select(c => new { c.Id, c.Version }).FirstAsync());
        var settings = Factory.Services.GetRequiredService<FrontDoorSettings>();
        settings.DecisionsNeedManagerSignOff = true;
        try
        {
            await SendAsUserAsync(priya, new DecideContact.Command
            {
                ContactId = contact.Id, Version = contact.Version, Outcome = Domain.FrontDoor.ContactOutcome.NoFurtherAction,
                Rationale = "The school has already put support in place; no role for children's social care.",
            });
        }
        finally
        {
            settings.DecisionsNeedManagerSignOff = false;
        }

        stagedPages.Add($"/FrontDoor/Contacts/{contact.Id}/SignOff");

        // Three children on an open referral with no child protection or pre-proceedings history, each with the worker who leads.
        var fresh = await WithDbAsync(db => db.Referrals
            .Where(r => r.Status == Domain.SocialCare.ReferralStatus.Open && !r.NoFurtherAction
                && !db.ChildProtectionEnquiries.Any(e => e.ChildId == r.ChildId) && !db.ChildProtectionPlans.Any(p => p.ChildId == r.ChildId)
                && !db.PreProceedings.Any(p => p.ChildId == r.ChildId) && !db.PeriodsOfCare.Any(p => p.ChildId == r.ChildId)
                && db.People.Any(p => p.Id == r.ChildId && p.Restriction == null && p.MergedIntoId == null))
            .Select(r => new
            {
                r.ChildId, r.ReferralDate,
                Worker = db.Allocations.Where(a => a.ChildId == r.ChildId && a.EndedOn == null && a.Role == AllocationRole.Lead).Select(a => (Guid?)a.WorkerId).FirstOrDefault(),
            })
            .Where(r => r.Worker != null).OrderBy(r => r.ReferralDate).ThenBy(r => r.ChildId).Take(3).ToListAsync());
        Assert.True(fresh.Count == 3, $"The demo council has {fresh.Count} children on an open referral with no child protection history to stage forms on");
        DateOnly NotBefore(DateOnly earliest, int daysAgo) => Today.AddDays(-daysAgo) < earliest ? earliest : Today.AddDays(-daysAgo);

        // A section 47 enquiry that concluded a conference is needed: the initial conference form, for the reviewing officer.
        var (cpChild, cpReferred, cpWorker) = (fresh[0].ChildId, fresh[0].ReferralDate, fresh[0].Worker!.Value);
        var strategyOn = NotBefore(cpReferred, 3);
        var enquiry = await SendAsUserAsync(cpWorker, new RecordStrategyDiscussion.Command
        {
            PersonId = cpChild, HeldOn = strategyOn, Agencies = "Police, school, health visitor", Section47 = true, Rationale = "Unexplained injury reported by the school.",
        });
        await SendAsUserAsync(cpWorker, new RecordSection47Outcome.Command
        {
            PersonId = cpChild, EnquiryId = enquiry, Version = await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == enquiry).Select(e => e.Version).SingleAsync()),
            ConcludedOn = NotBefore(strategyOn, 1), Findings = "Significant harm likely: a conference is needed.", ConferenceNeeded = true,
        });
        staged.Add(cpChild);
        stagedPages.Add($"/People/{cpChild}/ChildProtection/Conference");

        // Pre-proceedings whose letter went and whose legal planning meeting decided to issue: the court application form.
        var (ppChild, ppReferred, ppWorker) = (fresh[1].ChildId, fresh[1].ReferralDate, fresh[1].Worker!.Value);
        var ppStarted = NotBefore(ppReferred, 20);
        var pp = await SendAsUserAsync(ppWorker, new StartPreProceedings.Command { PersonId = ppChild, StartedOn = ppStarted, Rationale = "Neglect has continued despite support." });
        Task<Guid> PpVersionAsync() => WithDbAsync(db => db.PreProceedings.Where(p => p.Id == pp).Select(p => p.Version).SingleAsync());
        await SendAsUserAsync(ppWorker, new RecordLetterBeforeProceedings.Command
        {
            PersonId = ppChild, PreProceedingsId = pp, Version = await PpVersionAsync(), LetterSentOn = ppStarted, FgdmOffered = false,
            FgdmNotOfferedReason = "The family network has already been explored.",
        });
        await SendAsUserAsync(ppWorker, new DecidePreProceedings.Command
        {
            PersonId = ppChild, PreProceedingsId = pp, Version = await PpVersionAsync(), DecidedOn = NotBefore(ppStarted, 1),
            Outcome = Domain.SocialCare.PreProceedingsOutcome.IssueCareProceedings, DecisionRationale = "No change within the timetable: the threshold is met.",
        });
        staged.Add(ppChild);
        stagedPages.Add($"/People/{ppChild}/PreProceedings/Court");

        // A third such child comes into care (the demo's one looked-after child lives in supported accommodation, where no
        // deprivation of liberty order may be made): a missing episode returned from (its return interview), one still open
        // (the return), and an order in force (its end).
        var (cared, careWorker) = (fresh[2].ChildId, fresh[2].Worker!.Value);
        await SendAsUserAsync(careWorker, new BecomeLookedAfter.Command
        {
            PersonId = cared, StartedOn = NotBefore(fresh[2].ReferralDate, 30), LegalStatus = "C1", CategoryOfNeed = "N1", PlacementType = "U6", PlacementProvider = "PR1",
            PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1",
            Carer = "Pellingham family", ReferralSourceCode = "1B", PrimaryNeedCode = "N1",
        });
        Task<(Guid Id, Guid Version)> PeriodAsync() => WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == cared && p.EndedOn == null)
            .Select(p => ValueTuple.Create(p.Id, p.Version)).SingleAsync());
        var (period, version) = await PeriodAsync();
        var back = await SendAsUserAsync(careWorker, new RecordMissingEpisode.Command { PersonId = cared, PeriodOfCareId = period, Version = version, MissingType = "M", StartedOn = Today.AddDays(-12) });
        (period, version) = await PeriodAsync();
        await SendAsUserAsync(careWorker, new RecordReturn.Command { PersonId = cared, PeriodOfCareId = period, Version = version, MissingEpisodeId = back, EndedOn = Today.AddDays(-11) });
        (period, version) = await PeriodAsync();
        var away = await SendAsUserAsync(careWorker, new RecordMissingEpisode.Command { PersonId = cared, PeriodOfCareId = period, Version = version, MissingType = "M", StartedOn = Today.AddDays(-2) });
        (period, version) = await PeriodAsync();
        var order = await SendAsUserAsync(careWorker, new RecordDeprivationOfLiberty.Command { PersonId = cared, PeriodOfCareId = period, Version = version, StartedOn = Today.AddDays(-10) });
        staged.Add(cared);
        stagedPages.AddRange([
            $"/People/{cared}/LookedAfter/Missing/{away}/Return", $"/People/{cared}/LookedAfter/Missing/{back}/Interview", $"/People/{cared}/LookedAfter/LibertyOrder/{order}/Ended",
        ]);

        // Two records of one child, merged by Sam: the merge to undo.
        var first = await CreateChildAsync(sam, "Orrin", "Talbrecht", new DateOnly(2019, 7, 4));
        var second = await CreateChildAsync(sam, "Orrin", "Talbrecht", new DateOnly(2019, 7, 4));
        var merge = await SendAsUserAsync(sam, new MergeRecords.Command
        {
            SurvivorId = first, MergedId = second, SurvivorVersion = await VersionOfAsync(first), MergedVersion = await VersionOfAsync(second),
        });
        staged.UnionWith([first, second]);
        stagedPages.Add($"/People/Merges/{merge}/Undo");

        // Someone the canary search finds (it searches for the note word and the full name), so "add this person" and
        // "choose as the related person" have a result to act on: an adult recorded by Sam beforehand.
        var found = await SendAsUserAsync(sam, new CreatePerson.Command
        {
            Type = PersonType.Adult, GivenNames = $"{NoteWord} {Given}", FamilyName = Family, DateOfBirth = new DateOnly(1986, 3, 9), Sex = Sex.Female, ConfirmedNotDuplicate = true,
        });
        staged.Add(found);

        // The data protection officer with an authenticator set up (as its set-up page has them do) and the canary password
        // (changed on its own page), so replacing their recovery codes, which asks for the password, really does it.
        var dpo = await StaffIdAsync("dpo@demo.example");
        var client = ClientFor(dpo);
        var setUp = await PageAsync(client, "/Account/Authenticator/SetUp");
        var key = AuthenticatorKey().Match(setUp).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(client, "/Account/Authenticator/SetUp", [F("Code", code)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/ChangePassword",
            [F("Input.CurrentPassword", DemoDataSeeder.DemoPassword), F("Input.NewPassword", CanaryPassword), F("Input.ConfirmPassword", CanaryPassword)])).StatusCode);
        stagedPages.Add("/Account/Authenticator");
    }

    private Task<Guid> StaffIdAsync(string email) => WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());

    [GeneratedRegex("<code id=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex AuthenticatorKey();

    /// <summary>
    /// The seeded council as it was before anyone crawled: each crawler starts from it, so what one posts (a case closed,
    /// transferred or re-allocated) does not take another's forms away, and each crawl reaches the same pages every run.
    /// </summary>
    private async Task RestoreSeededCouncilAsync()
    {
        await Factory.RestoreSnapshotAsync();
        Factory.Services.GetRequiredService<ChildrenServices.Application.Timescales.TimescaleSettingsCache>().Clear();
    }

    [Fact]
    public async Task Every_form_filled_with_personal_data_by_every_role_leaves_no_trace_in_any_log_line()
    {
        var started = Stopwatch.GetTimestamp();

        // One demo user of every role, then the seeded workers and managers who hold the statutory cases (child protection,
        // looked after, early help), so those records' forms are reached by someone allowed to use them.
        var users = new List<(string Name, Guid Id)>();
        foreach (var (who, email) in DemoDataSeeder.DemoUsers.Select(u => (u.Role, u.Email)).Concat(CaseHolders.Select(e => (e, e))))
        {
            users.Add((who, await WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync())));
        }

        Factory.Logs.Clear();

        var failures = new List<string>();
        var coverage = new List<Crawl>();

        // A member of the public first: the online request and the sign-in page, which no signed-in user reaches.
        var anonymous = new Crawl("Member of the public", AnonymousClient(), null, failures);
        await anonymous.RunAsync(["/request", "/Account/SignIn"]);
        coverage.Add(anonymous);

        foreach (var (name, id) in users)
        {
            await RestoreSeededCouncilAsync();
            var children = await ChildrenToStartFromAsync(id);
            var crawl = new Crawl(name, ClientFor(id), id, failures);
            await crawl.RunAsync(["/", "/MyWork", .. stagedPages, .. children.Select(c => $"/People/{c}")]);
            coverage.Add(crawl);
        }

        var summary = string.Join("\n", coverage.Select(c => $"{c.Name}: {c.PagesVisited} pages, {c.FormsPosted} forms sent ({c.GetFormsSent} of them GET forms)"));
        var distinctForms = coverage.SelectMany(c => c.Posted.Select(p => p.Split(" → ")[0])).Distinct().Count();
        summary = $"{distinctForms} distinct forms in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s\n{summary}";
        var report = $"{summary}\n\nLeft alone:\n{string.Join("\n", coverage.SelectMany(c => c.Skipped.Select(p => $"{c.Name}: {p}")))}" +
            $"\n\nSent:\n{string.Join("\n", coverage.SelectMany(c => c.Posted.Select(p => $"{c.Name}: {p}")))}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        // The whole report in a file too, where CANARY_CRAWL_REPORT names one: a passing run's output is otherwise not shown.
        if (Environment.GetEnvironmentVariable("CANARY_CRAWL_REPORT") is { Length: > 0 } reportFile)
        {
            await File.WriteAllTextAsync(reportFile, report, TestContext.Current.CancellationToken);
        }

        // Every line written: the captured message (exception text included) and Serilog's JSON event with its properties.
        string[] canaries =
        [
            Given, Family, Nhs, NhsSpaced, "738 519", UpnBody, Upn, NoteWord, "lanternfish marzipan", "Grindlewick", Postcode, Email, "vexmorrow.quistelbaine",
            Phone, "7700900417", "Tavishmoor", "Snorrelind",
            Born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            Born.ToString("d MMMM yyyy", UkCulture), Born.ToString("d/M/yyyy", CultureInfo.InvariantCulture), Born.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        ];
        var captured = Factory.Logs.Entries;
        var written = ((CanaryCrawlAppFactory)Factory).SerilogLines();
        var hits = captured.Select(l => (Where: $"{l.Level} {l.Category}", Text: l.Message))
            .Concat(written.Select(l => (Where: "Serilog JSON", Text: l)))
            .SelectMany(l => canaries.Where(c => l.Text.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"'{c}' in {l.Where}: {l.Text}"))
            .Distinct()
            .ToList();

        // What the canary went through: the use cases that took it in and saved it, by the log's own account.
        var succeeded = captured.Select(l => UseCaseSucceeded().Match(l.Message)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet();
        string[] expected = ["CreatePerson", "UpdatePersonDetails", "RecordContact", "RecordCaseNote", "SubmitOnlineRequest", "SearchPeople", "SaveDraft", "CreateUser"];

        // The forms only the staged records show (see StageFormsAsync), each posted by someone: otherwise coverage could
        // quietly fall back to what the demo data alone reaches.
        var kindsPosted = coverage.SelectMany(c => c.Posted.Select(p => p.Split(" → ")[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notPosted = StagedForms.Where(f => !kindsPosted.Contains(f.Key)).Select(f => $"{f.Key} ({f.Value})").ToList();

        Assert.Multiple(
            () => Assert.True(notPosted.Count == 0, $"These staged forms were posted by nobody:\n{string.Join("\n", notPosted)}\n{summary}"),
            () => Assert.True(failures.Count == 0, $"{failures.Count} requests failed with a server error:\n{string.Join("\n", failures)}"),

            // The crawl covered the ground (forms of many kinds really sent, by every crawler, and saved) and the logs were
            // really written, properties and all: otherwise finding nothing would prove nothing.
            () => Assert.True(distinctForms >= 175, $"Only {distinctForms} distinct forms were sent (about 186 expected): the canary would prove little.\n{summary}"),
            () => Assert.All(coverage, c => Assert.True(c.FormsPosted > 0, $"{c.Name} sent no form")),
            () => Assert.True(succeeded.Count >= 100 && expected.All(succeeded.Contains), $"{succeeded.Count} use cases succeeded; missing: {string.Join(", ", expected.Except(succeeded))}"),
            () => Assert.True(captured.Count > 1000 && written.Count > 1000 && written.Any(l => l.Contains("\"UseCase\":\"CreatePerson\"", StringComparison.Ordinal)), $"Only {captured.Count} captured and {written.Count} written log lines: the canary would prove nothing"),
            () => Assert.True(hits.Count == 0, $"Personal data reached the logs ({hits.Count} hits):\n{string.Join("\n", hits.Take(30))}"));
    }

    /// <summary>Forms the demo data alone never shows, by kind as the crawl notes them, with what the set-up staged for each.</summary>
    private static readonly Dictionary<string, string> StagedForms = new()
    {
        ["POST /frontdoor/contacts/{id}/signoff handler="] = "a decision awaiting sign-off, for a manager",
        ["POST /people/{id}/childprotection/conference handler="] = "a section 47 that needs a conference, for the reviewing officer",
        ["POST /people/{id}/childprotection/transferin handler="] = "an open referral with no plan or enquiry, for the reviewing officer",
        ["POST /people/{id}/preproceedings/court handler="] = "pre-proceedings decided to issue, for the worker",
        ["POST /people/{id}/lookedafter/libertyorder/{id}/ended handler="] = "an order in force, for the looked-after team",
        ["POST /people/{id}/lookedafter/missing/{id}/return handler="] = "a missing episode still open",
        ["POST /people/{id}/lookedafter/missing/{id}/interview handler="] = "a missing episode returned from",
        ["POST /people/merges/{id}/undo handler="] = "a merge by the team manager",
        ["POST /account/authenticator handler=recoverycodes"] = "the data protection officer's authenticator",
        ["POST /frontdoor/contacts/{id}/people handler="] = "a person the canary search finds, to add to a contact",
        ["POST /people/{id}/relationships/add handler="] = "a person the canary search finds, to relate",
    };

    [GeneratedRegex(@"Use case (?<name>\w+) by user \S+ succeeded")]
    private static partial Regex UseCaseSucceeded();

    /// <summary>
    /// A child in every kind of case the demo holds (not restricted) — the user's own, or their team's, where they have
    /// one — so each kind of record page is crawled with the forms its holder sees; and a restricted record.
    /// </summary>
    private Task<List<Guid>> ChildrenToStartFromAsync(Guid userId) => WithDbAsync(async db =>
    {
        var open = db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.MergedIntoId == null && !staged.Contains(p.Id)).Select(p => p.Id);
        var managed = db.Teams.Where(t => t.ManagerId == userId).Select(t => t.Id);
        var held = db.Allocations.Where(a => a.EndedOn == null && (a.WorkerId == userId || managed.Contains(a.TeamId))).Select(a => a.ChildId);
        async Task<Guid?> PickAsync(IQueryable<Guid> children) =>
            await children.Where(c => open.Contains(c)).OrderByDescending(c => held.Contains(c)).Select(c => (Guid?)c).FirstOrDefaultAsync();

        Guid?[] picks =
        [
            await PickAsync(db.ChildProtectionPlans.Select(p => p.ChildId)),
            await PickAsync(db.PeriodsOfCare.Select(p => p.ChildId)),
            await PickAsync(db.ChildInNeedPlans.Select(p => p.ChildId)),
            await PickAsync(db.PreProceedings.Select(p => p.ChildId)),
            await PickAsync(db.ChildProtectionEnquiries.Select(p => p.ChildId)),
            await PickAsync(db.ChildAndFamilyAssessments.Select(p => p.ChildId)),
            await PickAsync(db.Referrals.Select(p => p.ChildId)),
            await PickAsync(db.EarlyHelpEpisodes.SelectMany(e => e.Children).Select(c => c.ChildId)),

            // The restriction's forms (lifting it) for those allowed, a refusal for everyone else.
            await db.People.Where(p => p.Restriction != null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
        ];
        var own = await held.Take(3).ToListAsync();
        return own.Concat(picks.OfType<Guid>()).Distinct().ToList();
    });

    /// <summary>One user's crawl: pages opened, forms posted once per kind, every server error noted.</summary>
    private sealed partial class Crawl(string name, HttpClient client, Guid? userId, List<string> failures)
    {
        private readonly HtmlParser parser = new();
        private readonly List<string> pending = [];
        private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> kindsVisited = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> formsDone = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> undoPages = [];
        private bool undoing;

        public string Name => name;

        public int PagesVisited { get; private set; }

        public int FormsPosted => Posted.Count;

        public int GetFormsSent { get; private set; }

        /// <summary>Each form posted: its kind (path without ids and handler), then where it went and what came back.</summary>
        public List<string> Posted { get; } = [];

        /// <summary>Forms deliberately left alone, with why.</summary>
        public HashSet<string> Skipped { get; } = [];

        /// <summary>Opens every start page, then follows what they lead to, pages of a kind not yet seen first.</summary>
        public async Task RunAsync(IEnumerable<string> start)
        {
            foreach (var url in start.Where(seen.Add))
            {
                await VisitAsync(url);
            }

            while (PagesVisited < PagesPerUser && Next() is { } url)
            {
                await VisitAsync(url);
            }

            // Last, what takes something away (a child from the request, a person from a contact, an episode ended): from a
            // fresh copy of the page it was found on, so nothing was taken away while the rest of the site was still to see.
            undoing = true;
            foreach (var url in undoPages.ToList())
            {
                await VisitAsync(url);
            }
        }

        /// <summary>The next page: one of a kind not opened yet before a second of a kind already seen.</summary>
        private string? Next()
        {
            while (pending.Count > 0)
            {
                var best = 0;
                for (var i = 1; i < pending.Count; i++)
                {
                    if (kindsVisited.GetValueOrDefault(Kind(pending[i])) < kindsVisited.GetValueOrDefault(Kind(pending[best])))
                    {
                        best = i;
                    }
                }

                var url = pending[best];
                pending.RemoveAt(best);
                if (kindsVisited.GetValueOrDefault(Kind(url)) < VisitsPerKind)
                {
                    return url;
                }
            }

            return null;
        }

        private void Enqueue(string url, bool first)
        {
            // Where a form sent the user is opened again even if seen before, as a browser shows it: it may hold new forms.
            url = url.Split('#')[0];
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || (!seen.Add(url) && !first) || !Followable(url))
            {
                return;
            }

            if (first)
            {
                pending.Insert(0, url);
            }
            else
            {
                pending.Add(url);
            }
        }

        /// <summary>Links a browser's user would follow without ending the crawl: never sign-out, nor a download (CSV, workbook, a return's file).</summary>
        private static bool Followable(string url)
        {
            var path = url.Split('?')[0];
            return !path.Contains("/SignOut", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWith("/css/", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/js/", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWith("/assets/", StringComparison.OrdinalIgnoreCase)
                && !DownloadPath().IsMatch(url);
        }

        private async Task VisitAsync(string url)
        {
            PagesVisited++;
            var kind = Kind(url);
            kindsVisited[kind] = kindsVisited.GetValueOrDefault(kind) + 1;
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            await ReadAsync("GET", url, response, null);
        }

        /// <summary>Notes a server error, follows a redirect, and reads a page's links and forms.</summary>
        private async Task ReadAsync(string method, string url, HttpResponseMessage response, string? form)
        {
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{name}: {method} {url} answered {status}{(form is null ? string.Empty : $" (form {form})")}");
                return;
            }

            if (response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? (location.Host == AppFactory.BaseAddress.Host ? location.PathAndQuery : null) : location.OriginalString;
                if (target is not null)
                {
                    Enqueue(target, first: true);
                }

                return;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return;
            }

            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var document = await parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken);
            foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (!link.HasAttribute("download"))
                {
                    Enqueue(WebUtility.HtmlDecode(href), first: false);
                }
            }

            // A page a post answered (a refused form re-shown, a "check your answers" step) has the posted address as its
            // own, handler and all, as in a browser: a form there with no action of its own posts back to it.
            await SubmitGetFormsAsync(document, url);
            await PostFormsAsync(html, document, url);
        }

        private async Task PostFormsAsync(string html, IHtmlDocument document, string pageUrl)
        {
            // PostFormsOn and AngleSharp read the same post forms in the same order: the first gives each form's hidden fields
            // (its own token) and targets, the second its visible boxes and its buttons' names.
            var forms = PostFormsOn(html, pageUrl);
            var elements = document.QuerySelectorAll<IHtmlFormElement>("form")
                .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(forms.Count, elements.Count);
            var sends = new List<(Form Form, IHtmlFormElement Element, string Target, IElement? Button, bool Draft)>();
            for (var i = 0; i < forms.Count; i++)
            {
                var (form, targets, _) = forms[i];
                if (elements[i].GetAttribute("data-form-draft") is { Length: > 0 } draft)
                {
                    // The form's draft, as form-draft.js saves it while the user types (every field and the token, no submission id).
                    sends.Add((form, elements[i], Resolve(pageUrl, draft), null, true));
                }

                sends.AddRange(targets.Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (form, elements[i], t, ButtonFor(elements[i], t, form.Action), false)));
            }

            foreach (var (form, element, target, button, isDraft) in sends)
            {
                var key = $"POST {Kind(target)} handler={Handler(target)}";
                if (formsDone.Contains(key))
                {
                    continue;
                }

                if (Undoing().IsMatch(target) != undoing)
                {
                    // Whatever takes something away is pressed at the end of the crawl (see RunAsync); then only that.
                    if (!undoing && !undoPages.Contains(pageUrl))
                    {
                        undoPages.Add(pageUrl);
                    }

                    continue;
                }

                if (Skip(target) is { } reason)
                {
                    Skipped.Add($"{key}: {reason}");
                    continue;
                }

                formsDone.Add(key);
                var fields = Fill(element);
                if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
                {
                    fields.Add(F(buttonName, button.GetAttribute("value") ?? string.Empty));
                }

                var sent = (form with { Action = target }).With(fields)
                    .Where(f => !isDraft || !f.Key.StartsWith("__", StringComparison.Ordinal) || f.Key == TokenField).ToList();
                Assert.False(string.IsNullOrEmpty(form.Token), $"{name}: the form on {pageUrl} that posts to {target} has no antiforgery token of its own");
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(sent) };
                if (isDraft)
                {
                    request.Headers.Accept.ParseAdd("application/json");
                }

                var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                Posted.Add($"{key} → {target} from {pageUrl}: {(int)response.StatusCode}");
                await ReadAsync("POST", target, response, $"on {pageUrl} with {string.Join(", ", sent.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).Select(f => $"{f.Key}={f.Value}"))}");
            }
        }

        /// <summary>Filters and searches that send by GET: their boxes filled with the canary too (a query string is a URL a log might hold).</summary>
        private async Task SubmitGetFormsAsync(IHtmlDocument document, string pageUrl)
        {
            foreach (var element in document.QuerySelectorAll<IHtmlFormElement>("form")
                .Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = Resolve(pageUrl, element.GetAttribute("action"));
                var key = $"GET {Kind(action)}";
                if (!formsDone.Add(key) || !Followable(action))
                {
                    continue;
                }

                var fields = Fill(element);
                foreach (var hidden in element.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(h => !string.IsNullOrEmpty(h.Name)))
                {
                    fields.Add(F(hidden.Name!, hidden.Value));
                }

                var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
                var url = action.Split('?')[0] + (query.Length > 0 ? "?" + query : string.Empty);
                GetFormsSent++;
                var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                Posted.Add($"{key} → {url}: {(int)response.StatusCode}");
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name}: GET form on {pageUrl}: {url} answered {(int)response.StatusCode}");
                }
            }
        }

        /// <summary>
        /// Forms left alone, each for a reason: the crawler's own session and account must survive the crawl (every later
        /// request is theirs), so nothing that signs them out, changes their password or authenticator, or ends their sessions.
        /// </summary>
        private string? Skip(string target)
        {
            var path = target.Split('?')[0];
            var handler = Handler(target);
            if (path.Equals("/Account/SignOut", StringComparison.OrdinalIgnoreCase))
            {
                return "signs the crawler out";
            }

            if (path.Equals("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase))
            {
                return "changes the crawler's own password";
            }

            if (path.StartsWith("/Account/Authenticator", StringComparison.OrdinalIgnoreCase) && handler is "reset")
            {
                return "resets the crawler's own authenticator";
            }

            if (path.Equals("/Account", StringComparison.OrdinalIgnoreCase) && handler is "end")
            {
                return "ends the crawler's own sessions";
            }

            // An administrator's forms about one account (its roles, disabling it, ending its sessions, resetting its
            // authenticator or password): never about the crawling administrator's own, which would lock them out of the
            // rest of the crawl; the same forms are posted about another member of staff instead.
            if (AccountPage().Match(path) is { Success: true } account && Guid.Parse(account.Groups["id"].Value) == userId)
            {
                return "would change the crawler's own account";
            }

            return null;
        }

        private static IElement? ButtonFor(IHtmlFormElement form, string target, string action)
        {
            var buttons = form.QuerySelectorAll("button, input[type=submit]")
                .Where(b => !string.Equals(b.GetAttribute("type"), "button", StringComparison.OrdinalIgnoreCase)).ToList();
            return buttons.FirstOrDefault(b => b.GetAttribute("formaction") is { } a && string.Equals(Resolve(action, a), target, StringComparison.OrdinalIgnoreCase))
                ?? buttons.FirstOrDefault(b => b.GetAttribute("formaction") is null);
        }

        /// <summary>
        /// Every box a user would fill: text with the canary (chosen by what the box is for), the first real choice of each
        /// list and radio group, every tick but "none" — and, as a user would, not the alternatives to what they gave (an
        /// expected or approximate date of birth beside the real one, a date of death) nor the bots' hidden honeypot.
        /// </summary>
        private static List<KeyValuePair<string, string>> Fill(IHtmlFormElement form)
        {
            var fields = new List<KeyValuePair<string, string>>();
            var radios = new HashSet<string>(StringComparer.Ordinal);
            foreach (var control in form.QuerySelectorAll("input, select, textarea"))
            {
                var fieldName = control.GetAttribute("name");
                if (string.IsNullOrEmpty(fieldName) || control.HasAttribute("disabled") || control.GetAttribute("tabindex") == "-1"
                    || control.Closest("[aria-hidden=true]") is not null || LeftBlank().IsMatch(fieldName))
                {
                    continue;
                }

                switch (control)
                {
                    case IHtmlSelectElement select:
                        if (select.Options.FirstOrDefault(o => !string.IsNullOrEmpty(o.Value) && !o.IsDisabled) is { } option)
                        {
                            fields.Add(F(fieldName, option.Value));
                        }

                        break;
                    case IHtmlTextAreaElement:
                        fields.Add(F(fieldName, Longest(control, LongText)));
                        break;
                    case IHtmlInputElement input:
                        var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                        switch (type)
                        {
                            case "hidden" or "submit" or "button" or "reset" or "image" or "file":
                                break;
                            case "checkbox":
                                if (!NoneOption().IsMatch(LabelOf(input)))
                                {
                                    fields.Add(F(fieldName, input.GetAttribute("value") ?? "on"));
                                }

                                break;
                            case "radio":
                                // The first choice; but "add another?" answered no, or the question would come round for ever.
                                if (radios.Add(fieldName) || (AddAnother().IsMatch(fieldName) && fields.RemoveAll(f => f.Key == fieldName) > 0))
                                {
                                    fields.Add(F(fieldName, input.GetAttribute("value") ?? "on"));
                                }

                                break;
                            default:
                                fields.Add(F(fieldName, input.HasAttribute("readonly") ? input.Value : Longest(input, TextFor(fieldName, type, input.GetAttribute("inputmode"), HintOf(input)))));
                                break;
                        }

                        break;
                }
            }

            return fields;
        }

        /// <summary>Note text as a practitioner writes it: the child by name, date of birth, NHS number and address.</summary>
        private static readonly string LongText =
            $"{NoteText}: {FullName}, born {Born.ToString("d MMMM yyyy", UkCulture)}, NHS number {NhsSpaced}, UPN {Upn}, lives at {Street}, {Postcode}; phone {Phone}, email {Email}.";

        /// <summary>The canary a user would type into a box, by what its name, type and hint say it is for.</summary>
        private static string TextFor(string fieldName, string type, string? inputMode, string hint)
        {
            var last = fieldName.Split('.')[^1];
            var lower = fieldName.ToLowerInvariant();
            var date = lower.Contains("birth", StringComparison.Ordinal) ? Born
                : FutureDate().IsMatch(fieldName) ? Today.AddDays(28)
                : Today.AddDays(-1); // A working day (Monday): done just now, before anything the clock calls today.
            bool Has(params string[] words) => words.Any(w => lower.Contains(w, StringComparison.Ordinal));
            return (type, last) switch
            {
                (_, "Day") => date.Day.ToString(CultureInfo.InvariantCulture),
                (_, "Month") => date.Month.ToString(CultureInfo.InvariantCulture),
                (_, "Year") => date.Year.ToString(CultureInfo.InvariantCulture),
                ("date", _) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ("month", _) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ("time", _) => "09:15",
                ("number", _) => "3",
                ("email", _) => Email,
                ("tel", _) => Phone,
                ("password", _) => CanaryPassword,
                _ when Has("nhs", "identifier") => Nhs,
                _ when Has("upn", "pupil") => Upn,
                _ when Has("postcode") => Postcode,
                _ when Has("email") => Email,
                _ when Has("phone", "mobile") => Phone,
                _ when Has("password") => CanaryPassword,
                _ when last.EndsWith("Time", StringComparison.Ordinal) || last.EndsWith("At", StringComparison.Ordinal) => "09:15",
                _ when Has("givenname", "firstname", "forename") => Given,
                _ when Has("familyname", "surname", "lastname") => Family,
                _ when Has("name") => FullName,
                _ when Has("address", "line1", "street") => Street,

                // A code in a set format (an LA number, an ONS code, a registration number, a one-time code): the hint's example.
                _ when HintExample().Match(hint) is { Success: true } example => example.Groups["example"].Value,
                _ when inputMode == "numeric" => "3",
                _ => $"{NoteWord} {FullName}",
            };
        }

        private static string Longest(IElement control, string value) =>
            int.TryParse(control.GetAttribute("maxlength"), out var max) && value.Length > max ? value[..max] : value;

        private static string LabelOf(IHtmlInputElement input) =>
            input.Id is { Length: > 0 } id && input.Owner?.QuerySelector($"label[for='{id}']") is { } label ? label.TextContent.Trim() : string.Empty;

        private static string HintOf(IElement input) =>
            string.Join(" ", (input.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => input.Owner?.GetElementById(id)?.TextContent ?? string.Empty));

        /// <summary>A page's kind: its path with every id (a GUID or a number) replaced, lower case.</summary>
        private static string Kind(string url) => IdSegment().Replace(url.Split('?')[0].Split('#')[0], "{id}").ToLowerInvariant();

        private static string? Handler(string url) =>
            System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.BaseAddress, url).Query)["handler"]?.ToLowerInvariant();

        private static string Resolve(string pageUrl, string? action) =>
            string.IsNullOrEmpty(action) ? pageUrl : new Uri(new Uri(AppFactory.BaseAddress, pageUrl), action).PathAndQuery;

        [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+)(?=/|$)")]
        private static partial Regex IdSegment();

        [GeneratedRegex(@"(/Csv|/Xlsx|\.csv|\.xlsx|handler=Download|[?&]download=true)", RegexOptions.IgnoreCase)]
        private static partial Regex DownloadPath();

        [GeneratedRegex(@"^/Admin/Users/[A-Za-z]+/(?<id>[0-9a-fA-F-]{36})$", RegexOptions.IgnoreCase)]
        private static partial Regex AccountPage();

        /// <summary>Buttons that take away what the page holds (a child from the request, a person from a contact): pressed last.</summary>
        [GeneratedRegex(@"handler=(Remove|Delete|Discard|Withdraw|Cancel|Undo|End)", RegexOptions.IgnoreCase)]
        private static partial Regex Undoing();

        [GeneratedRegex(@"AddAnother|AnyMore", RegexOptions.IgnoreCase)]
        private static partial Regex AddAnother();

        /// <summary>Alternatives to what the user gives (an expected or approximate date of birth, why it is not known, a death).</summary>
        [GeneratedRegex(@"Expected|Approximate|NotKnown|Unknown|Death|Website", RegexOptions.IgnoreCase)]
        private static partial Regex LeftBlank();

        /// <summary>A tick that says "none of these", which no other tick may go with.</summary>
        [GeneratedRegex(@"^(\d+\s+)?(None|No |Not )", RegexOptions.IgnoreCase)]
        private static partial Regex NoneOption();

        /// <summary>Dates that lie ahead: the next review, a due date, an end planned.</summary>
        [GeneratedRegex(@"Next|Due|Until|Expires|Planned|FollowUp", RegexOptions.IgnoreCase)]
        private static partial Regex FutureDate();

        [GeneratedRegex(@"for example,? (?<example>[A-Z0-9:]*\d[A-Z0-9:]*)\b", RegexOptions.IgnoreCase)]
        private static partial Regex HintExample();
    }
}
