using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChildrenServices.Application;
using ChildrenServices.Application.Drafts;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Drafts;

/// <summary>
/// Server-side drafts of long forms (ADR 0010): the use cases (author only, record access, never logged),
/// and the pages (restored on GET with when it was saved, deleted once the form is sent, a changed record
/// shown as a conflict rather than overwritten).
/// </summary>
public sealed partial class FormDraftTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private const string Analysis = "Mum is protective; dad drinks at weekends and the children are unsupervised in the evenings.";

    private Guid socialWorker;
    private Guid keyworker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionPattern();

    /// <summary>A referred child, allocated to the social worker, with an assessment started on 24 November 2026.</summary>
    private async Task<Guid> AssessmentInProgressAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var started = await PostFormAsync(ClientFor(socialWorker), $"/People/{childId}/Assessment", [F("Input.StartedOn.Day", "24"), F("Input.StartedOn.Month", "11"), F("Input.StartedOn.Year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return childId;
    }

    private static string Edit(Guid childId) => $"/People/{childId}/Assessment/Edit";

    private async Task<(string AssessmentId, string Version)> AssessmentFormAsync(HttpClient client, Guid childId)
    {
        var html = await client.GetStringAsync(Edit(childId), TestContext.Current.CancellationToken);
        var id = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.ChildId == childId).Select(a => a.Id.ToString()).SingleAsync());
        return (id, VersionPattern().Match(html).Groups[1].Value);
    }

    /// <summary>What /js/form-draft.js posts as the analysis is typed: the whole form to the page's Draft handler.</summary>
    private async Task<HttpResponseMessage> TypeAnalysisAsync(HttpClient client, Guid childId, string analysis)
    {
        var (id, version) = await AssessmentFormAsync(client, childId);
        return await PostFormAsync(client, Edit(childId) + "?handler=Draft",
            [F("Input.AssessmentId", id), F("Input.Version", version), F("Input.Analysis", analysis), F("Input.Factors", "1B"), F("Input.Outcome", "ChildInNeedPlan")],
            formUrl: Edit(childId));
    }

    private static DraftKey PersonKey(string form, Guid childId) => new(form, childId, DraftScope.Person, childId);

    [Fact]
    public async Task AssessmentAnalysis_TypedThenTheUserGoesElsewhere_IsThereOnReturn_WithWhenItWasSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await AssessmentInProgressAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(4).Add(TimeSpan.FromMinutes(32)));

        var saved = await TypeAnalysisAsync(ClientFor(socialWorker), childId, Analysis);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("14:32", JsonDocument.Parse(await saved.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("savedAt").GetString());

        // Somewhere else, then back: a new client is a new session too, so only the server's draft can bring it back.
        await ClientFor(socialWorker).GetStringAsync($"/People/{childId}", ct);
        var html = await ClientFor(socialWorker).GetStringAsync(Edit(childId), ct);

        Assert.Contains(Analysis, html, StringComparison.Ordinal);
        Assert.Contains("You have an unsent draft from 14:32", html, StringComparison.Ordinal);
        Assert.Contains("Draft saved at 14:32", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1B\" checked", html, StringComparison.Ordinal);
        Assert.Contains($"data-form-draft=\"/People/{childId}/Assessment/Edit?handler=Draft\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentSaved_DeletesTheDraft_SoItIsNotOfferedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await AssessmentInProgressAsync();
        var client = ClientFor(socialWorker);
        await TypeAnalysisAsync(client, childId, "Half an analysis");
        Assert.Equal(1, await WithDbAsync(db => db.FormDrafts.CountAsync(ct)));

        var (id, version) = await AssessmentFormAsync(client, childId);
        var sent = await PostFormAsync(client, Edit(childId), [F("Input.AssessmentId", id), F("Input.Version", version), F("Input.Analysis", Analysis)]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync(ct)));
        var html = await client.GetStringAsync(Edit(childId), ct);
        Assert.DoesNotContain("unsent draft", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Half an analysis", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentRefusedOnSend_KeepsTheDraft()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await AssessmentInProgressAsync();
        var client = ClientFor(socialWorker);
        await TypeAnalysisAsync(client, childId, Analysis);

        // A stale version: refused with the conflict message, so nothing was sent and the draft must stay.
        var (id, _) = await AssessmentFormAsync(client, childId);
        var refused = await PostFormAsync(client, Edit(childId), [F("Input.AssessmentId", id), F("Input.Version", Guid.NewGuid().ToString()), F("Input.Analysis", Analysis)]);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.FormDrafts.CountAsync(ct)));
    }

    [Fact]
    public async Task DraftOfARecordChangedSince_IsRestoredWithTheConflictMessage_NotSilentlyOnTop()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await AssessmentInProgressAsync();
        var client = ClientFor(socialWorker);
        await TypeAnalysisAsync(client, childId, Analysis);
        var assessment = await WithDbAsync(db => db.ChildAndFamilyAssessments.SingleAsync(a => a.ChildId == childId, ct));

        // The manager saves the assessment while the worker's draft waits.
        await SendAsUserAsync(AssessmentManager, new SaveAssessment.Command { PersonId = childId, AssessmentId = assessment.Id, Version = assessment.Version, Analysis = "The manager's own words." });
        var current = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == assessment.Id).Select(a => a.Version).SingleAsync(ct));

        var html = await client.GetStringAsync(Edit(childId), ct);

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("This record has changed since your draft was saved at 10:00", html, StringComparison.Ordinal);
        Assert.Contains(Analysis, html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Version\" value=\"{current}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDoorDecisionRationale_IsRestoredForTheAuthorOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var (contactId, _) = await ContactAboutNewChildAsync();
        var url = $"/FrontDoor/Contacts/{contactId}/Decision";
        var saved = await PostFormAsync(ClientFor(Practitioner), url + "?handler=Draft",
            [F("Input.Version", (await ContactVersionAsync(contactId)).ToString()), F("Input.Outcome", "Referral"), F("Input.Rationale", "Bruising seen by the school nurse; threshold met.")], formUrl: url);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var mine = await ClientFor(Practitioner).GetStringAsync(url, ct);
        var theirs = await ClientFor(Manager).GetStringAsync(url, ct);

        Assert.Contains("Bruising seen by the school nurse; threshold met.", mine, StringComparison.Ordinal);
        Assert.Contains("You have an unsent draft from 10:00", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruising seen by the school nurse", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("unsent draft", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepUpReasons_AndTheManagersRationale_AreRestored_AndConfirmingTheDecisionDeletesItsDraft()
    {
        var ct = TestContext.Current.CancellationToken;
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var earlyHelpRequest = await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync(ct));
        var episodeId = await SendAsUserAsync(Manager, new Application.EarlyHelp.StartEpisode.Command { RequestId = earlyHelpRequest, KeyworkerId = keyworker, Kind = Domain.EarlyHelp.EpisodeKind.EarlyHelp });

        // The keyworker's step-up request (an episode's draft).
        var stepUp = $"/EarlyHelp/Episodes/{episodeId}/StepUp";
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(ClientFor(keyworker), stepUp + "?handler=Draft", [F("Input.Reasons", "Two missed visits and a new bruise.")], formUrl: stepUp)).StatusCode);
        var stepUpPage = await ClientFor(keyworker).GetStringAsync(stepUp, ct);
        Assert.Contains("Two missed visits and a new bruise.", stepUpPage, StringComparison.Ordinal);
        Assert.Contains("You have an unsent draft from 10:00", stepUpPage, StringComparison.Ordinal);

        // The manager's decision on it (an approval request's draft), through "Check your decision" to confirming.
        var requestId = await SendAsUserAsync(keyworker, new Application.Approvals.RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Two missed visits and a new bruise." });
        var decide = $"/Approvals/{requestId}";
        var version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Version.ToString()).SingleAsync(ct));
        var answers = new[] { F("Input.Version", version), F("Input.Approve", "true"), F("Input.Rationale", "Neglect continuing despite the plan; threshold met."), F("Input.AssessmentTeamId", AssessmentTeam.ToString()), F("Input.PrimaryNeedCode", "N1") };
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(ClientFor(Manager), decide + "?handler=Draft", answers, formUrl: decide)).StatusCode);
        Assert.Contains("Neglect continuing despite the plan; threshold met.", await ClientFor(Manager).GetStringAsync(decide, ct), StringComparison.Ordinal);

        var checking = await PostFormAsync(ClientFor(Manager), decide + "?handler=Check", answers, formUrl: decide);
        Assert.Equal(HttpStatusCode.OK, checking.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.FormDrafts.CountAsync(d => d.Scope == DraftScope.Approval, ct)));
        var confirmed = await PostFormAsync(ClientFor(Manager), decide + "?handler=Confirm", answers, formUrl: decide);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync(d => d.Scope == DraftScope.Approval, ct)));

        // Only that form's draft goes: the step-up above was sent by the use case, not its page, so its draft stays.
        Assert.Equal(1, await WithDbAsync(db => db.FormDrafts.CountAsync(d => d.Scope == DraftScope.Episode, ct)));
    }

    [Fact]
    public async Task DiscardDraft_FromThePage_StartsAgainFromTheRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await AssessmentInProgressAsync();
        var client = ClientFor(socialWorker);
        await TypeAnalysisAsync(client, childId, "Never mind");

        var discarded = await PostFormAsync(client, Edit(childId) + "?handler=DiscardDraft", [], formUrl: Edit(childId));

        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync(ct)));
        Assert.DoesNotContain("Never mind", await client.GetStringAsync(Edit(childId), ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDraft_IsTheAuthorsOnly_AManagerWhoMayRecordStillGetsNothing()
    {
        var childId = await AssessmentInProgressAsync();
        var key = PersonKey("/People/Assessment/Edit", childId);
        await SendAsUserAsync(socialWorker, new SaveDraft.Command(key, new Dictionary<string, string[]> { ["Input.Analysis"] = [Analysis] }));

        var mine = await SendAsUserAsync(socialWorker, new GetDraft.Query(key));
        var managers = await SendAsUserAsync(AssessmentManager, new GetDraft.Query(key));

        Assert.Equal([Analysis], mine!.Fields["Input.Analysis"]);
        Assert.Null(managers);
    }

    [Fact]
    public async Task GetDraft_AboutAChildSinceRestrictedFromTheAuthor_IsNotShown()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var key = new DraftKey("/FrontDoor/Contacts/Decision", contactId, DraftScope.Contact, contactId);
        await SendAsUserAsync(Practitioner, new SaveDraft.Command(key, new Dictionary<string, string[]> { ["Input.Rationale"] = ["Threshold met."] }));
        Assert.NotNull(await SendAsUserAsync(Practitioner, new GetDraft.Query(key)));

        await SendAsUserAsync(Manager, new RestrictRecord.Command { PersonId = childId, Version = await VersionOfAsync(childId), Reason = RestrictionReason.HighProfile });

        Assert.Null(await SendAsUserAsync(Practitioner, new GetDraft.Query(key)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(Practitioner, new SaveDraft.Command(key, new Dictionary<string, string[]> { ["Input.Rationale"] = ["More."] })));
        Assert.Null(await SendAsUserAsync(Manager, new GetDraft.Query(key)));
    }

    [Fact]
    public async Task SaveDraft_AboutNoOneTheUserMaySee_IsRefusedAsNotFound()
    {
        var key = PersonKey("/People/Assessment/Edit", Guid.NewGuid());

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(socialWorker, new SaveDraft.Command(key, new Dictionary<string, string[]>())));
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync()));
    }

    [Fact]
    public async Task SaveDraft_IsAuditedOnTheChild_ButTheTextIsNeverLogged()
    {
        var childId = await AssessmentInProgressAsync();
        Factory.Logs.Clear();

        await SendAsUserAsync(socialWorker, new SaveDraft.Command(PersonKey("/People/Assessment/Edit", childId), new Dictionary<string, string[]> { ["Input.Analysis"] = ["Zephyrine disclosed the bruise."] }));

        Assert.Contains(Factory.Logs.Entries, l => l.Message.Contains("SaveDraft", StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Entries, l => l.Message.Contains("Zephyrine", StringComparison.Ordinal));
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "SaveDraft" && a.PersonId == childId && a.UserId == socialWorker)));
    }
}
