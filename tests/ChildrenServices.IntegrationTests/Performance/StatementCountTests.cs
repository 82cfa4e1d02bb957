using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Reviews;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Recording;
using ChildrenServices.IntegrationTests.FrontDoor;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Performance;

/// <summary>
/// Reads that don't grow with the council (issue 11): every SQL statement a page's request sends —
/// the sign-in cookie's session and security-stamp checks, the page's reads, the audit row — is
/// counted, for users signed in through the real sign-in form. The issue's limits are 6 for a child's
/// record and 10 for a worktray or queue, and no count moves when there are ten times as many
/// children. No statement applies the record-access rule as <c>IN (SELECT … FROM "People" …)</c>,
/// the form whose cost grows with every person in the database (ADR 0005).
/// </summary>
public sealed class StatementCountTests(SqlCountingAppFactory factory) : FrontDoorTestBase(factory), IClassFixture<SqlCountingAppFactory>
{
    public const int RecordPageLimit = 6;
    public const int WorktrayLimit = 10;

    /// <summary>The subquery form of the access rule: a list of every visible person's id, built per statement.</summary>
    private static readonly Regex AccessSubquery = new(@"IN\s*\(\s*SELECT\s+""\w+""\.""Id""\s+FROM\s+""People""", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    private static readonly string[] GivenNames = ["Riley", "Ava", "Noah", "Isla", "Leo", "Maya", "Ezra", "Ruby", "Kai", "Nia"];

    private readonly SqlCountingAppFactory counting = factory;
    private Guid socialWorker;
    private Guid keyworker;
    private Guid reviewingOfficer;
    private int tagNumber;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task EveryPage_StaysWithinItsStatementLimit_AndTheCountDoesNotGrowWithTheData()
    {
        var first = await AddFamiliesAsync(from: 0, count: 3);
        var small = await CountEveryPageAsync(first);

        await AddFamiliesAsync(from: 3, count: 27);
        var large = await CountEveryPageAsync(first);

        var summary = string.Join("\n", large.Select(p => $"{p.Key}: {small[p.Key].Count} statements with 3 children, {p.Value.Count} with 30"));
        foreach (var (page, statements) in large)
        {
            var limit = LimitOf(page);
            Assert.True(statements.Count <= limit, $"{page} sent {statements.Count} SQL statements (at most {limit}):\n{string.Join("\n---\n", statements)}\n\n{summary}");
            Assert.True(statements.Count == small[page].Count, $"{page} sent {small[page].Count} statements with 3 children and {statements.Count} with 30\n\n{summary}");
            Assert.DoesNotContain(statements, s => AccessSubquery.IsMatch(s));
        }
    }

    /// <summary>The issue's limit for the page: a child's record 6, a worktray or queue 10.</summary>
    private static int LimitOf(string page) => page.StartsWith("/People/", StringComparison.Ordinal) ? RecordPageLimit : WorktrayLimit;

    [Fact]
    public void TheGuard_RecognisesTheSubqueryForm()
    {
        const string subquery = "WHERE \"a\".\"ChildId\" IN (\n    SELECT \"p\".\"Id\"\n    FROM \"People\" AS \"p\"\n    WHERE \"p\".\"MergedIntoId\" IS NULL)";
        const string predicate = "WHERE EXISTS (\n    SELECT 1\n    FROM \"People\" AS \"p\"\n    WHERE \"p\".\"Id\" = \"a\".\"ChildId\" AND \"p\".\"MergedIntoId\" IS NULL)";

        Assert.Matches(AccessSubquery, subquery);
        Assert.DoesNotMatch(AccessSubquery, predicate);
    }

    /// <summary>
    /// Families of two children each: one referred, allocated to the social worker with a plan (a child in
    /// need plan, or every third one looked after with the reviewing officer allocated), a case note and a
    /// second contact at the front door awaiting checks; the other in early help with the keyworker.
    /// </summary>
    private async Task<Guid> AddFamiliesAsync(int from, int count)
    {
        Guid? firstChild = null;
        for (var i = from; i < from + count; i++)
        {
            var given = GivenNames[i % GivenNames.Length];
            var family = $"Family{i:D2}";
            var child = await CreateChildAsync(Practitioner, given, family, new DateOnly(2015 + (i % 8), 1 + (i % 12), 1 + (i % 27)));
            firstChild ??= child;
            var referral = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 20, 9, 30, 0), child));
            await DecideAsync(Practitioner, referral, ContactOutcome.Referral);
            await AllocateAsync(AssessmentManager, child, socialWorker);
            if (i % 3 == 0)
            {
                await SendAsUserAsync(socialWorker, new BecomeLookedAfter.Command
                {
                    PersonId = child, StartedOn = Today.AddDays(-20), LegalStatus = "C1", CategoryOfNeed = "N1",
                    PlacementType = "U6", PlacementProvider = "PR1", PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1", Carer = "Smith family", ReferralSourceCode = "1A", PrimaryNeedCode = "N1",
                });
                await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = child, OfficerId = reviewingOfficer });
            }
            else
            {
                await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = child, StartedOn = Today });
            }

            await SendAsUserAsync(socialWorker, new RecordCaseNote.Command
            {
                PersonId = child, Type = CaseNoteType.Visit, OccurredOn = Today.AddDays(-1), OccurredAt = "14:30", Title = "Home visit",
                Text = new string('x', 5000), WhoWasSeen = $"{given} seen alone", ChildSeen = true, ChildSeenAlone = true,
            });

            var open = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 8, 15, 0), child));
            await SendAsUserAsync(Practitioner, new RequestMashChecks.Command
            {
                ContactId = open, Version = await ContactVersionAsync(open), Agencies = [PartnerAgency.Police, PartnerAgency.Health],
                Question = "Is the family known to you?",
            });

            var (earlyHelp, _) = await ContactAboutNewChildAsync($"{given}-Jo", family);
            await DecideAsync(Practitioner, earlyHelp, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
            var request = await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.ContactId == earlyHelp).Select(r => r.Id).SingleAsync());
            await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = request, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        }

        return firstChild!.Value;
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> CountEveryPageAsync(Guid child)
    {
        var pages = new (Guid User, string Url)[]
        {
            (socialWorker, $"/People/{child}"),
            (socialWorker, "/MyWork"),
            (reviewingOfficer, "/MyWork"),
            (AssessmentManager, "/Team"),
            (AssessmentManager, $"/Team/Workers/{socialWorker}"),
            (AssessmentManager, "/Approvals"),
            (AssessmentManager, "/Performance/Dates"),
            (AssessmentManager, "/Performance/Timeliness"),
            (AssessmentManager, "/Performance/Flow"),
            (AssessmentManager, "/Performance/Workload"),
            (Practitioner, "/FrontDoor"),
            (Practitioner, "/FrontDoor/Checks"),
            (Manager, "/EarlyHelp"),
            (keyworker, "/EarlyHelp"),
        };

        var counts = new Dictionary<string, IReadOnlyList<string>>();
        var clients = new Dictionary<Guid, HttpClient>();
        foreach (var (user, url) in pages)
        {
            if (!clients.TryGetValue(user, out var client))
            {
                client = clients[user] = await SignInAsync(user);
            }

            // Once to warm what the app caches for every request (the timescale settings), then counted. The
            // clock moves on between requests, as it does in use, so the cookie's security stamp is checked.
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await PageAsync(client, url);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var tag = $"request-{Interlocked.Increment(ref tagNumber)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(SqlCountingAppFactory.Header, tag);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            await response.Content.ReadAsStringAsync();
            counts[$"{url.Replace(child.ToString(), "{child}", StringComparison.Ordinal).Replace(socialWorker.ToString(), "{worker}", StringComparison.Ordinal)} ({await NameOfAsync(user)})"] = counting.StatementsOf(tag);
        }

        return counts;
    }

    private Task<string> NameOfAsync(Guid user) => WithDbAsync(db => db.Staff.Where(s => s.Id == user).Select(s => s.DisplayName).SingleAsync());

    /// <summary>Signs in through the real sign-in form: the cookie, its server-side session and the per-request checks are the app's own.</summary>
    private async Task<HttpClient> SignInAsync(Guid user)
    {
        var client = AnonymousClient();
        var response = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(user)), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
