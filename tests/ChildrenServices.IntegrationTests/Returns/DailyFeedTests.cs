using System.Text.Json.Nodes;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Returns.Feed;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Feed;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Returns;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>
/// The DfE's daily children's social care feed sent to a local stand-in for the API that checks every request against the
/// API's OpenAPI description (<see cref="CscApiServer"/>): the JSON compared with what is worked out here element by
/// element, only changes sent after the first run, purges, retries on 429 and 5xx, a request split when too big, and the
/// files written when no endpoint is set. The fake clock's today is 24 November 2026.
/// </summary>
public sealed class DailyFeedTests(AppFactory factory) : FrontDoorTestBase(factory), IAsyncLifetime
{
    private const string OnsCode = "E06000054";
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private CscApiServer api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        api = await CscApiServer.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        await base.DisposeAsync();
    }

    private sealed record Council(Guid Ada, Guid Ben, Guid Cara, Referral AdasReferral, ChildAndFamilyAssessment AdasAssessment, ChildInNeedPlan AdasPlan, Referral BensReferral, Referral CarasReferral, IReadOnlyList<Guid> CarasEpisodes);

    private async Task<Guid> ChildAsync(string given, CreatePerson.Command details) =>
        await SendAsUserAsync(Practitioner, details with { GivenNames = given, FamilyName = "Feed", ConfirmedNotDuplicate = true });

    private async Task<Council> CouncilAsync()
    {
        var ada = await ChildAsync("Ada", NewChild() with { DateOfBirth = D(2016, 2, 10), Sex = Sex.Female, EthnicityCode = "WBRI", DisabilityCodes = ["AUT", "COMM"], UniquePupilNumber = "Y865200115123" });
        var ben = await ChildAsync("Ben", NewChild() with { DateOfBirth = D(2012, 7, 1), Sex = Sex.Male, EthnicityCode = "BAFR", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN2" });
        var cara = await ChildAsync("Cara", NewChild() with { DateOfBirth = D(2014, 3, 3), Sex = Sex.Female, EthnicityCode = "WIRI", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN4" });
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        return await WithDbAsync(async db =>
        {
            db.ReturnSettings.Add(new ReturnSettings("865", OnsCode, "ChildrenServices"));
            (await db.Staff.SingleAsync(s => s.Id == worker, Ct)).Register("SW123456");
            var adas = new Referral(ada, null, D(2025, 10, 6), "6", "N1", AssessmentTeam, false, null, Calendar);
            var assessment = new ChildAndFamilyAssessment(adas, D(2025, 10, 7), AssessmentManager, D(2025, 10, 7));
            assessment.RecordSeen(D(2025, 10, 8), true, D(2025, 10, 8));
            assessment.Record("Analysis of needs and risks.", ["16A", "3B"], AssessmentOutcome.ChildInNeedPlan, null);
            assessment.Submit(D(2025, 11, 14));
            assessment.Authorise(AssessmentManager, D(2025, 11, 14));
            var plan = new ChildInNeedPlan(adas, D(2025, 11, 17), D(2025, 11, 17));
            db.Allocations.Add(new Allocation(ada, worker, AssessmentTeam, AllocationRole.Lead, D(2025, 10, 6), AssessmentManager, "FCONTA"));
            var bens = new Referral(ben, null, D(2025, 4, 22), "2A", "N4", AssessmentTeam, false, null, Calendar);
            var caras = new Referral(cara, null, D(2025, 5, 1), "1B", "N1", AssessmentTeam, false, null, Calendar);
            var care = PeriodOfCare.Start(cara, D(2025, 6, 2), "C1", "N1", new Placement("U6", "PR1", "SN2 3CD", "Smith family", false, "SC123456"), D(2014, 3, 3), Today, "SN1 2AB", new PreviousPermanence("Z1", null, null, null, null));
            care.ChangePlacement(D(2025, 9, 1), new Placement("U4", "PR4", "SN3 4EF", "Jones family", false, "SC654321"), false, Today, "CARPL", D(2014, 3, 3));
            db.AddRange(adas, assessment, plan, bens, caras);
            db.PeriodsOfCare.Add(care);
            await db.SaveChangesAsync(Ct);
            return new Council(ada, ben, cara, adas, assessment, plan, bens, caras, [.. care.Episodes.Select(e => e.Id)]);
        });
    }

    private Task<DailyFeedRun> RunAsync(IDailyFeedTransport? transport = null, int batchSize = 100) => WithDbAsync(db =>
    {
        var options = Options.Create(new DailyFeedOptions { Endpoint = api.Address, ApiKey = CscApiServer.Key, BatchSize = batchSize, FirstRetryDelay = TimeSpan.FromMilliseconds(5) });
        return new DailyFeedRunner(db, transport ?? new HttpDailyFeedTransport(new HttpClient(), options), options, TimeProvider.System, NullLogger<DailyFeedRunner>.Instance).RunAsync(Ct);
    });

    private Task<string> LocalIdAsync(Guid person) => WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.LocalId!).SingleAsync(Ct));

    private static JsonNode Child(CscApiServer.Received request, string laChildId) =>
        request.Body.Single(c => c!["la_child_id"]!.GetValue<string>() == laChildId)!;

    [Fact]
    public async Task TheFirstRunSendsEveryChild_AsTheApiTakesIt_ElementByElement_ThenOnlyWhatChanged()
    {
        var council = await CouncilAsync();
        var (ada, ben, cara) = (await LocalIdAsync(council.Ada), await LocalIdAsync(council.Ben), await LocalIdAsync(council.Cara));

        var first = await RunAsync();

        Assert.Empty(api.Problems);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("865", 200), (request.LaCode, request.Status));
        Assert.Equal((3, 3, 0, 1), (first.ChildrenRead, first.Sent, first.Unchanged, first.Requests));
        Assert.Equal([ada, ben, cara], request.Body.Select(c => c!["la_child_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var expected = JsonNode.Parse($$"""
            {
              "la_child_id": "{{ada}}",
              "mis_child_id": "{{council.Ada:D}}",
              "child_details": {
                "unique_pupil_number": "Y865200115123",
                "first_name": "Ada",
                "surname": "Feed",
                "date_of_birth": "2016-02-10",
                "sex": "F",
                "ethnicity": "WBRI",
                "disabilities": ["AUT", "COMM"],
                "uasc_flag": false
              },
              "social_care_episodes": [
                {
                  "social_care_episode_id": "{{council.AdasReferral.Id:D}}",
                  "referral_date": "2025-10-06",
                  "referral_source": "6",
                  "referral_no_further_action_flag": false,
                  "care_worker_details": [{ "worker_id": "SW123456", "start_date": "2025-10-06" }],
                  "child_and_family_assessments": [
                    { "child_and_family_assessment_id": "{{council.AdasAssessment.Id:D}}", "start_date": "2025-10-07", "authorisation_date": "2025-11-14", "factors": ["3B", "16A"] }
                  ],
                  "child_in_need_plans": [{ "child_in_need_plan_id": "{{council.AdasPlan.Id:D}}", "start_date": "2025-11-17" }]
                }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Child(request, ada)), Child(request, ada).ToJsonString());
        var caras = Child(request, cara)["social_care_episodes"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""
            [
              { "child_looked_after_placement_id": "{{council.CarasEpisodes[0]:D}}", "start_date": "2025-06-02", "start_reason": "S", "placement_type": "U6", "postcode": "SN2 3CD", "end_date": "2025-09-01", "end_reason": "X1", "change_reason": "CARPL" },
              { "child_looked_after_placement_id": "{{council.CarasEpisodes[1]:D}}", "start_date": "2025-09-01", "start_reason": "P", "placement_type": "U4", "postcode": "SN3 4EF" }
            ]
            """), caras["child_looked_after_placements"]), caras.ToJsonString());

        // A restricted record's child goes without a name. Restricted since her name was sent, Cara's personal details are
        // purged at the DfE (the API's child_details purge: her social care data stays), then go again without the name.
        Assert.Equal("Cara", Child(request, cara)["child_details"]!["first_name"]!.GetValue<string>());
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Cara).ExecuteUpdateAsync(s => s.SetProperty(p => p.Restriction, RestrictionReason.Adoption), Ct));
        var restricted = await RunAsync();
        Assert.Equal((0, 1, 2), (restricted.Sent, restricted.Purged, restricted.Unchanged));
        Assert.Empty(api.Problems);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse($$"""[{ "la_child_id": "{{cara}}", "child_details": { "purge": true } }]"""), api.Requests.Last().Body),
            api.Requests.Last().Body.ToJsonString());
        var resent = await RunAsync();
        Assert.Equal((1, 0, 2), (resent.Sent, resent.Purged, resent.Unchanged));
        var details = Assert.Single(api.Requests.Last().Body)!["child_details"]!.AsObject();
        Assert.False(details.ContainsKey("first_name") || details.ContainsKey("surname") || details.ContainsKey("purge"), details.ToJsonString());
        Assert.Equal("2014-03-03", details["date_of_birth"]!.GetValue<string>());
        Assert.Equal(2, Child(api.Requests.Last(), cara)["social_care_episodes"]![0]!["child_looked_after_placements"]!.AsArray().Count);

        // Nothing changed: nothing is sent, and the name already purged is not purged again.
        var second = await RunAsync();
        Assert.Equal((0, 3, 0, 0), (second.Sent, second.Unchanged, second.Purged, second.Requests));
        Assert.Equal(3, api.Requests.Count);

        // Ada's ethnicity is corrected: only she goes.
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, "WIRI"), Ct));
        var third = await RunAsync();
        Assert.Equal((1, 2), (third.Sent, third.Unchanged));
        var changed = api.Requests.Last();
        Assert.Equal("WIRI", Assert.Single(changed.Body)!["child_details"]!["ethnicity"]!.GetValue<string>());

        var log = await WithDbAsync(db => db.FeedSends.OrderBy(s => s.StartedAtUtc).ThenBy(s => s.Id).ToListAsync(Ct));
        Assert.Equal(
            [(3, 0, FeedSendOutcome.Accepted, 200), (0, 1, FeedSendOutcome.Accepted, 200), (1, 0, FeedSendOutcome.Accepted, 200), (1, 0, FeedSendOutcome.Accepted, 200)],
            log.Select(s => (s.Children, s.Purges, s.Outcome!.Value, s.Status!.Value)).ToList());
        Assert.Equal(api.Requests.Select(r => r.Receipt), log.Select(s => s.Receipt));
    }

    [Fact]
    public async Task AChildWhoLeavesTheFeed_IsPurged_AndAWithdrawnEpisodeGoesWithAPurgeFlag()
    {
        var council = await CouncilAsync();
        var (ada, ben) = (await LocalIdAsync(council.Ada), await LocalIdAsync(council.Ben));
        await RunAsync();

        // Ben's only referral was made in error; Ada gets a second referral, then it is withdrawn after it was sent.
        await WithDbAsync(db => db.Referrals.Where(r => r.Id == council.BensReferral.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReferralStatus.Withdrawn), Ct));
        var second = await WithDbAsync(async db =>
        {
            await db.Referrals.Where(r => r.Id == council.AdasReferral.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ReferralStatus.Closed).SetProperty(r => r.ClosedOn, D(2026, 1, 9)).SetProperty(r => r.ClosureReasonCode, "RC8"), Ct);
            var referral = new Referral(council.Ada, null, D(2026, 1, 12), "8", "N1", AssessmentTeam, false, null, Calendar);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(Ct);
            return referral.Id;
        });
        var purging = await RunAsync();

        Assert.Empty(api.Problems);
        Assert.Equal((1, 1), (purging.Sent, purging.Purged));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "la_child_id": "{{ben}}", "purge": true }"""), Child(api.Requests.Last(), ben)));

        await WithDbAsync(db => db.Referrals.Where(r => r.Id == second).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReferralStatus.Withdrawn), Ct));
        var run = await RunAsync();

        Assert.Empty(api.Problems);
        Assert.Equal((1, 0), (run.Sent, run.Purged));
        var request = api.Requests.Last();
        var adas = Child(request, ada)["social_care_episodes"]!.AsArray();
        Assert.Equal([council.AdasReferral.Id.ToString("D"), second.ToString("D")], adas.Select(e => e!["social_care_episode_id"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "social_care_episode_id": "{{second:D}}", "purge": true }"""), adas[1]));
        var state = await WithDbAsync(db => db.FeedChildStates.SingleAsync(s => s.ChildId == council.Ben, Ct));
        Assert.True(state.Purged);

        // Purged once: not again.
        var after = await RunAsync();
        Assert.Equal((0, 0, 0), (after.Sent, after.Purged, after.Requests));
    }

    [Fact]
    public async Task AnItemThatMovesToAnotherEpisode_IsPurgedFromTheOneThatHeldIt()
    {
        var council = await CouncilAsync();
        var cara = await LocalIdAsync(council.Cara);
        await RunAsync();

        // Cara's first referral closes at the end of July and a second one opens in August: her move of 1 September now
        // belongs to the second, so the DfE is told to drop it from the first.
        var second = await WithDbAsync(async db =>
        {
            await db.Referrals.Where(r => r.Id == council.CarasReferral.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ReferralStatus.Closed).SetProperty(r => r.ClosedOn, D(2025, 7, 31)).SetProperty(r => r.ClosureReasonCode, "RC7"), Ct);
            var referral = new Referral(council.Cara, null, D(2025, 8, 1), "1B", "N1", AssessmentTeam, false, null, Calendar);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(Ct);
            return referral.Id;
        });

        var run = await RunAsync();

        Assert.Empty(api.Problems);
        Assert.Equal(1, run.Sent);
        var episodes = Child(api.Requests.Last(), cara)["social_care_episodes"]!.AsArray();
        var first = episodes.Single(e => e!["social_care_episode_id"]!.GetValue<string>() == council.CarasReferral.Id.ToString("D"))!;
        var moved = council.CarasEpisodes[1].ToString("D");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""{ "child_looked_after_placement_id": "{{moved}}", "purge": true }"""),
            first["child_looked_after_placements"]!.AsArray().Single(p => p!["child_looked_after_placement_id"]!.GetValue<string>() == moved)));
        var now = episodes.Single(e => e!["social_care_episode_id"]!.GetValue<string>() == second.ToString("D"))!;
        Assert.Equal("U4", Assert.Single(now["child_looked_after_placements"]!.AsArray())!["placement_type"]!.GetValue<string>());

        // Purged once: the next run has nothing to send.
        Assert.Equal(0, (await RunAsync()).Sent);
    }

    /// <summary>The API's transport, with something done before each request is sent (a test's hook).</summary>
    private sealed class Hooked(IDailyFeedTransport inner, Func<int, Task> beforeSend) : IDailyFeedTransport
    {
        private int sends;

        public string Destination => inner.Destination;

        public bool WritesFiles => inner.WritesFiles;

        public async Task<FeedAnswer> SendAsync(ReadOnlyMemory<byte> body, string laCode, CancellationToken ct)
        {
            await beforeSend(++sends);
            return await inner.SendAsync(body, laCode, ct);
        }
    }

    private IDailyFeedTransport Api()
    {
        var options = Options.Create(new DailyFeedOptions { Endpoint = api.Address, ApiKey = CscApiServer.Key });
        return new HttpDailyFeedTransport(new HttpClient(), options);
    }

    /// <summary>
    /// Two servers start the feed at once (the nightly run on each, or an officer's "send now" during it): the second is
    /// told the feed is being sent and sends nothing, and once the first finishes the next run can go.
    /// </summary>
    [Fact]
    public async Task TwoRunsAtOnce_OnlyOneSends_TheOtherIsToldItIsBeingSent_AndTheLeaseIsGivenBack()
    {
        await CouncilAsync();
        var inFirstRequest = new TaskCompletionSource();
        var carryOn = new TaskCompletionSource();
        var first = RunAsync(new Hooked(Api(), async _ =>
        {
            inFirstRequest.TrySetResult();
            await carryOn.Task;
        }));
        await inFirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var refused = await Assert.ThrowsAsync<ChildrenServices.Domain.Common.DomainRuleException>(() => RunAsync());
        Assert.Equal(DailyFeedRunner.AlreadyRunning, refused.Message);
        Assert.Empty(api.Requests);

        carryOn.SetResult();
        Assert.Equal(3, (await first).Sent);
        Assert.Single(api.Requests);
        Assert.Null(await WithDbAsync(db => db.FeedRunLeases.Select(l => l.HolderRunId).SingleAsync(Ct)));
        Assert.Equal((0, 3), await RunAsync() is var next ? (next.Sent, next.Unchanged) : default);
    }

    [Fact]
    public async Task ALeaseHeldByAnotherRun_RefusesTheRun_AndOneLeftToRunOut_ByAServerThatStopped_IsTakenOver()
    {
        await CouncilAsync();
        var destination = Api().Destination;
        var otherRun = Guid.CreateVersion7();
        await WithDbAsync(db =>
        {
            db.FeedRunLeases.Add(new FeedRunLease(destination, otherRun, DateTime.UtcNow.AddMinutes(10)));
            return db.SaveChangesAsync(Ct);
        });

        await Assert.ThrowsAsync<ChildrenServices.Domain.Common.DomainRuleException>(() => RunAsync());
        Assert.Empty(api.Requests);
        Assert.Equal(otherRun, await WithDbAsync(db => db.FeedRunLeases.Select(l => l.HolderRunId).SingleAsync(Ct)));

        await WithDbAsync(db => db.FeedRunLeases.ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAtUtc, DateTime.UtcNow.AddSeconds(-1)), Ct));
        Assert.Equal(3, (await RunAsync()).Sent);
        Assert.Null(await WithDbAsync(db => db.FeedRunLeases.Select(l => l.HolderRunId).SingleAsync(Ct)));
    }

    /// <summary>
    /// A run that lost the feed (it ran past its lease, and another server took it over) stops before its next request
    /// rather than send what the other is sending; what it sent before is remembered, the rest goes next run.
    /// </summary>
    [Fact]
    public async Task ARunWhoseLeaseWasTakenOver_StopsBeforeItsNextRequest()
    {
        await CouncilAsync();
        var otherRun = Guid.CreateVersion7();
        var taken = new Hooked(Api(), async send =>
        {
            if (send == 1)
            {
                await WithDbAsync(db => db.FeedRunLeases.ExecuteUpdateAsync(u => u.SetProperty(l => l.HolderRunId, otherRun), Ct));
            }
        });

        var run = await RunAsync(taken, batchSize: 1);

        // The second child's request was not sent (not accepted); the run stopped there, so the third was not read on.
        Assert.Equal((1, 1, true), (run.Sent, run.Failed, run.Stopped));
        Assert.Single(api.Requests);
        Assert.Equal(otherRun, await WithDbAsync(db => db.FeedRunLeases.Select(l => l.HolderRunId).SingleAsync(Ct)));

        await WithDbAsync(db => db.FeedRunLeases.ExecuteUpdateAsync(u => u.SetProperty(l => l.HolderRunId, (Guid?)null), Ct));
        var next = await RunAsync(batchSize: 1);
        Assert.Equal((2, 1), (next.Sent, next.Unchanged));
    }

    [Fact]
    public async Task A429OrA5xx_IsTriedAgainAfterAWait_AndTheChildrenAreSentOnceAccepted()
    {
        await CouncilAsync();
        api.Answer((429, "0"), (503, null));

        var run = await RunAsync();

        Assert.Equal([429, 503, 200], api.Requests.Select(r => r.Status));
        Assert.Equal((3, 0), (run.Sent, run.Failed));
        var send = await WithDbAsync(db => db.FeedSends.SingleAsync(Ct));
        Assert.Equal((3, FeedSendOutcome.Accepted, 200), (send.Attempts, send.Outcome!.Value, send.Status!.Value));
        Assert.Equal((0, 1), ((await RunAsync()).Sent, api.Requests.Count(r => r.Status == 200)));
    }

    [Fact]
    public async Task ARequestStillFailingAfterEveryTry_IsLogged_AndItsChildrenGoNextTime()
    {
        await CouncilAsync();
        api.Answer((500, null), (500, null), (500, null), (500, null), (500, null), (500, null));

        var failed = await RunAsync();

        Assert.Equal((0, 3), (failed.Sent, failed.Failed));
        var send = await WithDbAsync(db => db.FeedSends.SingleAsync(Ct));
        Assert.Equal((6, FeedSendOutcome.Failed, 500), (send.Attempts, send.Outcome!.Value, send.Status!.Value));
        Assert.Equal(3, (await RunAsync()).Sent);
    }

    [Fact]
    public async Task ARequestRefusedAsMalformed_IsSplitToFindTheChild_AndAccessRefused_StopsTheRun()
    {
        await CouncilAsync();
        api.Answer((400, null), (400, null));

        var split = await RunAsync(batchSize: 3);

        // The three refused, then one and two: the one refused again alone, the two accepted.
        Assert.Equal([(3, 400), (1, 400), (2, 200)], api.Requests.Select(r => (r.Body.Count, r.Status)));
        Assert.Equal((2, 1, false), (split.Sent, split.Failed, split.Stopped));

        api.Answer((401, null));
        await WithDbAsync(db => db.FeedChildStates.ExecuteDeleteAsync(Ct));
        var refused = await RunAsync(batchSize: 1);

        Assert.True(refused.Stopped);
        Assert.Equal((0, 1), (refused.Sent, refused.Requests));
        Assert.Equal(3, (await RunAsync(batchSize: 1)).Sent);
    }

    [Fact]
    public async Task Requests_HoldTheBatchSize_AndOneTheApiFindsTooBig_IsSplit()
    {
        await CouncilAsync();
        api.Answer((413, null));

        var run = await RunAsync(batchSize: 2);

        Assert.Empty(api.Problems);
        Assert.Equal([(2, 413), (1, 200), (1, 200), (1, 200)], api.Requests.Select(r => (r.Body.Count, r.Status)));
        Assert.Equal((3, 4), (run.Sent, run.Requests));
        var log = await WithDbAsync(db => db.FeedSends.OrderBy(s => s.StartedAtUtc).ThenBy(s => s.Id).Select(s => s.Outcome).ToListAsync(Ct));
        Assert.Equal([FeedSendOutcome.Refused, FeedSendOutcome.Accepted, FeedSendOutcome.Accepted, FeedSendOutcome.Accepted], log.Select(o => o!.Value));
    }

    [Fact]
    public async Task WithNoEndpoint_TheFeedWritesTheFilesItWouldHaveSent_AndThePageSendsIt()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var client = ClientFor(officer);

        var page = await PageAsync(client, "/Returns/DailyFeed");
        Assert.Contains("No endpoint is set, so the feed writes the files it would have sent", page, StringComparison.Ordinal);
        var sent = await PressAsync(client, "/Returns/DailyFeed", "Send the feed now");
        var after = await sent.Content.ReadAsStringAsync(Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("3 children read: 3 written with changes", after, StringComparison.Ordinal);
        Assert.Contains("Written to a file", after, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Factory.FeedFolder, "*.json"));
        var body = JsonNode.Parse(await File.ReadAllTextAsync(file, Ct))!.AsArray();
        Assert.Equal(3, body.Count);
        Assert.Equal(
            "RunDailyFeed: 3 sent, 0 purged, 0 not accepted",
            await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("RunDailyFeed")).Select(a => a.Action).SingleAsync(Ct)));

        // Only those who make the returns.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(AssessmentManager).GetAsync("/Returns/DailyFeed", Ct)).StatusCode);
    }
}
