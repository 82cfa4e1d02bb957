using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.EarlyHelp;

public sealed partial class EarlyHelpPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid keyworker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> RequestAsync()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        return await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task StartPage_ManagerAllocatesAKeyworker_SeeingCaseloads_ThenEveryEpisodePageAnswers()
    {
        var requestId = await RequestAsync();
        var manager = ClientFor(Manager);
        var form = await (await manager.GetAsync($"/EarlyHelp/Requests/{requestId}/Start")).Content.ReadAsStringAsync();
        Assert.Contains("Tom Ashdown &#x2014; 0 children held", form, StringComparison.Ordinal);

        var response = await PostFormAsync(manager, $"/EarlyHelp/Requests/{requestId}/Start", [F("Input.KeyworkerId", keyworker.ToString()), F("Input.Kind", "EarlyHelp")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var episodeId = await WithDbAsync(db => db.EarlyHelpEpisodes.Select(e => e.Id).SingleAsync());
        Assert.Equal($"/EarlyHelp/Episodes/{episodeId}", response.Headers.Location!.OriginalString);
        var client = ClientFor(keyworker);
        foreach (var url in new[] { "/EarlyHelp", $"/EarlyHelp/Episodes/{episodeId}", $"/EarlyHelp/Episodes/{episodeId}/Assessment", $"/EarlyHelp/Episodes/{episodeId}/Goals/New", $"/EarlyHelp/Episodes/{episodeId}/Review", $"/EarlyHelp/Episodes/{episodeId}/End" })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task StartPage_StartedTwiceFromTwoOpenPages_TheSecondIsToldItCannotBeDone_NotAnError()
    {
        var requestId = await RequestAsync();
        var manager = ClientFor(Manager);
        var url = $"/EarlyHelp/Requests/{requestId}/Start";
        var firstTab = FormPostingTo(await PageAsync(manager, url), url, url);
        var secondTab = FormPostingTo(await PageAsync(manager, url), url, url);
        KeyValuePair<string, string>[] answers = [F("Input.KeyworkerId", keyworker.ToString()), F("Input.Kind", "EarlyHelp")];

        var started = await SubmitAsync(manager, firstTab, answers);
        var again = await SubmitAsync(manager, secondTab, answers);
        var html = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Only a pending request can be accepted", html, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync()));
    }

    [Fact]
    public async Task AssessmentPage_TwoBrowsers_TheSecondIsToldWhoChangedIt_AndKeepsTheirText()
    {
        var requestId = await RequestAsync();
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var url = $"/EarlyHelp/Episodes/{episodeId}/Assessment";
        var first = ClientFor(keyworker);
        var second = ClientFor(Manager);
        var version = VersionPattern().Match(await (await second.GetAsync(url)).Content.ReadAsStringAsync()).Groups[1].Value;

        var saved = await PostFormAsync(first, url, [F("Input.Version", version), F("Input.Worries", "Rent arrears and missed school")]);
        var refused = await PostFormAsync(second, url, [F("Input.Version", version), F("Input.Worries", "Manager's wording")]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Tom Ashdown", html, StringComparison.Ordinal);
        Assert.Contains("Manager&#x27;s wording", html, StringComparison.Ordinal);
        Assert.Equal("Rent arrears and missed school", await WithDbAsync(db => db.EarlyHelpAssessments.Select(a => a.Worries).SingleAsync()));
    }

    [Fact]
    public async Task PlanPage_TwoBrowsers_TheSecondIsToldWhoChangedIt_AndKeepsTheirGoal()
    {
        var requestId = await RequestAsync();
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var url = $"/EarlyHelp/Episodes/{episodeId}/Goals/New";
        var first = ClientFor(keyworker);
        var second = ClientFor(Manager);
        var version = VersionPattern().Match(await (await second.GetAsync(url)).Content.ReadAsStringAsync()).Groups[1].Value;

        var saved = await PostFormAsync(first, url, [F("Input.Version", version), F("Input.Outcome", "Education"), F("Input.Description", "At school every day"), F("Input.Baseline", "3")]);
        var refused = await PostFormAsync(second, url, [F("Input.Version", version), F("Input.Outcome", "Housing"), F("Input.Description", "Rent arrears paid down"), F("Input.Baseline", "2")]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Tom Ashdown", html, StringComparison.Ordinal);
        Assert.Contains("Rent arrears paid down", html, StringComparison.Ordinal);
        Assert.Equal(["At school every day"], await WithDbAsync(db => db.FamilyPlans.SelectMany(p => p.Goals).Select(g => g.Description).ToListAsync()));
    }

    [Fact]
    public async Task GoalPage_BadInput_Returns400WithMessagesAndKeepsInput()
    {
        var requestId = await RequestAsync();
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var url = $"/EarlyHelp/Episodes/{episodeId}/Goals/New";
        var version = await WithDbAsync(db => db.FamilyPlans.Select(p => p.Version).SingleAsync());

        var response = await PostFormAsync(ClientFor(keyworker), url, [F("Input.Version", version.ToString()), F("Input.Description", "<script>alert(1)</script>"), F("Input.Baseline", "eleven")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select the outcome the goal is about", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"eleven\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepUpPages_NoReasons400_ThenTheManagerRejectsAndTheWorkerSeesWhyOnTheRecord()
    {
        var requestId = await RequestAsync();
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var childId = await WithDbAsync(db => db.EarlyHelpEpisodes.SelectMany(e => e.Children).Select(c => c.ChildId).SingleAsync());
        var worker = ClientFor(keyworker);
        var url = $"/EarlyHelp/Episodes/{episodeId}/StepUp";

        var empty = await PostFormAsync(worker, url, [F("Input.Reasons", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Give the reasons for stepping up", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(worker, url, [F("Input.Urgent", "false"), F("Input.Reasons", "New bruise; mum not engaging.")])).StatusCode);

        var manager = ClientFor(Manager);
        var queue = await (await manager.GetAsync("/Approvals")).Content.ReadAsStringAsync();
        Assert.Contains("Approvals waiting for you (1)", queue, StringComparison.Ordinal);
        var approvalId = await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Id).SingleAsync());
        var version = await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Version).SingleAsync());
        var noRationale = await PostFormAsync(manager, $"/Approvals/{approvalId}?handler=Check", [F("Input.Version", version.ToString()), F("Input.Approve", "false")]);
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        Assert.Contains("Write the rationale for your decision", await noRationale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answers = new[] { F("Input.Version", version.ToString()), F("Input.Approve", "false"), F("Input.Rationale", "Visit this week first; one bruise with a consistent account.") };
        var check = await (await PostFormAsync(manager, $"/Approvals/{approvalId}?handler=Check", answers)).Content.ReadAsStringAsync();
        Assert.Contains("Check your decision", check, StringComparison.Ordinal);
        Assert.Contains("is told the request was rejected", check, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, await WithDbAsync(db => db.ApprovalRequests.Select(a => a.Status).SingleAsync()));

        var changed = await (await PostFormAsync(manager, $"/Approvals/{approvalId}?handler=Change", answers)).Content.ReadAsStringAsync();
        Assert.Contains("Visit this week first; one bruise with a consistent account.</textarea>", changed, StringComparison.Ordinal);

        var decided = await PostFormAsync(manager, $"/Approvals/{approvalId}?handler=Confirm", answers);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var record = await (await worker.GetAsync($"/People/{childId}/Contacts")).Content.ReadAsStringAsync();
        Assert.Contains("Step-up: Rejected", record, StringComparison.Ordinal);
        Assert.Contains("Visit this week first", record, StringComparison.Ordinal);
        Assert.Contains("Sam Patel", record, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionPattern();
}
