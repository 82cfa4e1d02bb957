using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// Pre-proceedings through their pages, as the social worker holding the case records them: the decision to start, the
/// letter and its FGDM offer, the family's meeting, the meetings with the parents, the decision and the court
/// application; the census items worked out from them; bad input beside its field; a stale form a conflict.
/// </summary>
public sealed class PreProceedingsPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly DateOnly Day0 = Today;
    private Guid socialWorker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await AssessmentSocialWorkerAsync();
    }

    /// <summary>A child referred today and held by the social worker; the clock then moves on a month so each step has its own day.</summary>
    private async Task<Guid> HeldChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        Factory.Clock.Advance(TimeSpan.FromDays(30));
        return childId;
    }

    private static IEnumerable<KeyValuePair<string, string>> Date(string field, int day) => DateFields(field, Day0.AddDays(day));

    [Fact]
    public async Task TheSocialWorker_RecordsPreProceedings_FromTheStartToTheCourtApplication_AndTheCensusItemsAreWorkedOut()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/PreProceedings";
        Assert.Contains($"href=\"{overview}\"", await PageAsync(client, $"/People/{childId}"), StringComparison.Ordinal);

        var started = await PostFormAsync(client, overview, [.. Date("StartedOn", 1), F("Input.Rationale", "Neglect persists under the child protection plan.")]);
        Assert.Equal("Pre-proceedings started", await BannerAfterAsync(client, started, overview));
        const string Tag = "<strong class=\"govuk-tag govuk-tag--yellow\">Pre-proceedings</strong>";
        Assert.Contains(Tag, await PageAsync(client, $"/People/{childId}"), StringComparison.Ordinal);
        var letter = await PostFormAsync(client, $"{overview}/Letter", [.. Date("LetterSentOn", 3), F("Input.FgdmOffered", "true")]);
        Assert.Equal("Recorded: the letter before proceedings", await BannerAfterAsync(client, letter, overview));
        var fgdm = await PostFormAsync(client, $"{overview}/Fgdm",
            [F("Input.FgdmAccepted", "true"), .. Date("FgdmHeldOn", 10), F("Input.FamilyProposal", "The maternal grandmother will care for the child on weekdays.")]);
        Assert.Equal("Recorded: the family group decision-making meeting", await BannerAfterAsync(client, fgdm, overview));
        await PostFormAsync(client, $"{overview}/Meeting", [.. Date("HeldOn", 5), F("Input.Summary", "Initial meeting: the expectations agreed with the parents and their solicitor.")]);
        await PostFormAsync(client, $"{overview}/Meeting", [.. Date("HeldOn", 20), F("Input.Summary", "Review: little change at home.")]);
        var decided = await PostFormAsync(client, $"{overview}/Decision",
            [.. Date("DecidedOn", 25), F("Input.Outcome", "IssueCareProceedings"), F("Input.DecisionRationale", "No sustained change; the family's plan could not start.")]);
        Assert.Equal("Recorded: the decision that ends pre-proceedings", await BannerAfterAsync(client, decided, overview));
        Assert.DoesNotContain(Tag, await PageAsync(client, $"/People/{childId}"), StringComparison.Ordinal);
        var court = await PostFormAsync(client, $"{overview}/Court", [.. Date("CourtApplicationOn", 27), .. Date("CourtLetterSentOn", 28)]);
        Assert.Equal("Recorded: the application to the court", await BannerAfterAsync(client, court, overview));

        var record = await WithDbAsync(db => db.PreProceedings.AsNoTracking().Include(p => p.Meetings).SingleAsync(p => p.ChildId == childId, Ct));
        Assert.Equal(
            (Day0.AddDays(1), Day0.AddDays(3), (bool?)true, Day0.AddDays(10), Day0.AddDays(5), 1, Day0.AddDays(25), PreProceedingsOutcome.IssueCareProceedings, Day0.AddDays(27), Day0.AddDays(28)),
            (record.StartedOn, record.LetterSentOn!.Value, record.FgdmOffered, record.FgdmHeldOn!.Value, record.InitialMeetingOn!.Value, record.ReviewMeetingsCount,
                record.DecidedOn!.Value, record.Outcome!.Value, record.CourtApplicationOn!.Value, record.CourtLetterSentOn!.Value));
        var page = await PageAsync(client, overview);
        Assert.Contains("The maternal grandmother will care for the child on weekdays.", page, StringComparison.Ordinal);
        Assert.Contains("1 review meeting after the initial one", page, StringComparison.Ordinal);
        Assert.Contains("Decision to issue care proceedings", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the letter before proceedings", page, StringComparison.Ordinal);
        Assert.Contains("Start pre-proceedings again", page, StringComparison.Ordinal);
        Assert.Contains("Pre-proceedings", await PageAsync(client, $"/People/{childId}/Plans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ComesBackBesideItsField_WithWhatWasTypedKept_AndNothingIsSaved()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/PreProceedings";

        var noRationale = await PostFormAsync(client, overview, [.. Date("StartedOn", 1), F("Input.Rationale", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        var html = await noRationale.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_Rationale-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Say why the legal planning meeting decided to start pre-proceedings", html, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.PreProceedings.ToListAsync(Ct)));

        await PostFormAsync(client, overview, [.. Date("StartedOn", 10), F("Input.Rationale", "Neglect persists.")]);
        var noChoice = await PostFormAsync(client, $"{overview}/Letter", [.. Date("LetterSentOn", 12)]);
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Contains("id=\"Input_FgdmOffered-error\"", await noChoice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var noReason = await PostFormAsync(client, $"{overview}/Letter", [.. Date("LetterSentOn", 12), F("Input.FgdmOffered", "false")]);
        Assert.Contains("id=\"Input_FgdmNotOfferedReason-error\"", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var beforeStart = await PostFormAsync(client, $"{overview}/Letter", [.. Date("LetterSentOn", 9), F("Input.FgdmOffered", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, beforeStart.StatusCode);
        var refused = await beforeStart.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_LetterSentOn-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("The letter before proceedings cannot be sent before pre-proceedings started", refused, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Day0.AddDays(9).Day}\"", refused, StringComparison.Ordinal);

        var decidedTooSoon = await PostFormAsync(client, $"{overview}/Decision", [.. Date("DecidedOn", 12), F("Input.Outcome", "StepDown"), F("Input.DecisionRationale", "Improved.")]);
        Assert.Equal(HttpStatusCode.BadRequest, decidedTooSoon.StatusCode);
        Assert.Contains("Record the letter before proceedings first", await decidedTooSoon.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var record = await WithDbAsync(db => db.PreProceedings.AsNoTracking().SingleAsync(p => p.ChildId == childId, Ct));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (record.LetterSentOn, record.DecidedOn));
    }

    [Fact]
    public async Task AStaleForm_IsAConflict_AndOnlyTheCaseHoldersTeamRecords()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/PreProceedings";
        await PostFormAsync(client, overview, [.. Date("StartedOn", 1), F("Input.Rationale", "Neglect persists.")]);
        var staleLetter = FormPostingTo(await PageAsync(client, $"{overview}/Letter"), $"{overview}/Letter", $"{overview}/Letter");

        await PostFormAsync(client, $"{overview}/Meeting", [.. Date("HeldOn", 4), F("Input.Summary", "Initial meeting.")]);
        var stale = await SubmitAsync(client, staleLetter, [.. Date("LetterSentOn", 3), F("Input.FgdmOffered", "true")]);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Null(await WithDbAsync(db => db.PreProceedings.Where(p => p.ChildId == childId).Select(p => p.LetterSentOn).SingleAsync(Ct)));
        var other = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(other).GetAsync($"{overview}/Letter", Ct)).StatusCode);
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Priya Nair");
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(keyworker).GetAsync($"{overview}/Meeting", Ct)).StatusCode);
    }

    [Fact]
    public async Task OnePreProceedingsAtATime_AndTheCaseDoesNotCloseWhileTheyAreOpen()
    {
        var childId = await HeldChildAsync();
        StartPreProceedings.Command Start() => new() { PersonId = childId, StartedOn = Day0.AddDays(2), Rationale = "Neglect persists." };
        await SendAsUserAsync(socialWorker, Start());

        var second = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(socialWorker, Start()));
        var close = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(socialWorker, new RequestCaseClosure.Command { PersonId = childId, ReasonCode = "RC7", Reasons = "Family moved on." }));

        Assert.Equal(PreProceedings.OneOpenPerChild, second.Message);
        Assert.StartsWith("The child is in pre-proceedings", close.Message, StringComparison.Ordinal);
        Assert.Single(await WithDbAsync(db => db.PreProceedings.ToListAsync(Ct)));
    }
}
