using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.LookedAfter;

/// <summary>The looked-after pages over HTTP: refusals shown beside the field with what was typed kept, and who may open which form.</summary>
public sealed class LookedAfterPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid reviewingOfficer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> HeldChildAsync()
    {
        var childId = await CreateChildAsync(Practitioner);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private static IEnumerable<KeyValuePair<string, string>> Date(string field, DateOnly date) =>
    [
        F($"Input.{field}.Day", date.Day.ToString(CultureInfo.InvariantCulture)),
        F($"Input.{field}.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        F($"Input.{field}.Year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<KeyValuePair<string, string>> Placement(string type = "U6", string carer = "Smith family", string approval = "Approved") =>
    [
        F("Input.PlacementType", type), F("Input.PlacementProvider", "PR1"), F("Input.Carer", carer), F("Input.PlacementPostcode", "sn1 2ab"), F("Input.PlacementUrn", "SC123456"), F("Input.IntendedLongTerm", "true"), F("Input.PlacementApproval", approval),
    ];

    /// <summary>The referral source and primary need the start page asks for when the child has no open referral.</summary>
    private static KeyValuePair<string, string>[] Episode() => [F("Input.ReferralSourceCode", "1A"), F("Input.PrimaryNeedCode", "N1"), F("Input.PreviousPermanence", "Z1")];

    /// <summary>
    /// Becoming looked after and leaving care are consequential decisions (ux.md): each form ends on "Check your
    /// answers", nothing is recorded until it is confirmed, and "Change your answers" goes back with everything kept.
    /// </summary>
    [Fact]
    public async Task StartAndLeave_EndOnCheckYourAnswers_NothingIsRecordedUntilConfirmed_AndChangingKeepsTheAnswers()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var start = $"/People/{childId}/LookedAfter/Start";

        var checking = await PostFormAsync(client, start, [.. Date("StartedOn", Today.AddDays(-4)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement(), F("Input.HomePostcode", "SN3 4EF")]);
        var html = await checking.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, checking.StatusCode);
        var answers = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-testid=answers]")!.TextContent;
        foreach (var shown in new[] { Today.AddDays(-4).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), "Interim care order (C1)", "Smith family", "SN3 4EF" })
        {
            Assert.Contains(shown, answers, StringComparison.Ordinal);
        }

        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync(Ct)));

        var changing = await SubmitAsync(client, FormWithButton(html, start, "Change your answers"), []);
        var form = await changing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, changing.StatusCode);
        Assert.Contains("value=\"Smith family\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"C1\" selected>", form, StringComparison.Ordinal);

        // Shown at the Change step's address, the form still posts to its first step, not back to Change.
        Assert.Contains($"<form method=\"post\" action=\"{start}\" novalidate", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.StartedOn.Day\" type=\"text\" inputmode=\"numeric\" value=\"{Today.AddDays(-4).Day}\"", form, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync(Ct)));

        var confirmed = await SubmitAsync(client, FormWithButton(html, start, "Confirm"), []);
        Assert.Equal("Recorded: the child is looked after", await BannerAfterAsync(client, confirmed, $"/People/{childId}/LookedAfter"));
        Assert.Equal((Today.AddDays(-4), "SN3 4EF"), await WithDbAsync(db => db.PeriodsOfCare.Select(p => new ValueTuple<DateOnly, string?>(p.StartedOn, p.HomePostcode)).SingleAsync(Ct)));

        var leave = $"/People/{childId}/LookedAfter/Leave";
        var leaving = await PostFormAsync(client, leave, [.. Date("EndedOn", Today.AddDays(-1)), F("Input.ReasonCeased", "E13")]);
        var leaveHtml = await leaving.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, leaving.StatusCode);
        Assert.Contains("Check your answers", leaveHtml, StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.EndedOn).SingleAsync(Ct)));
        var left = await SubmitAsync(client, FormWithButton(leaveHtml, leave, "Confirm"), []);
        Assert.Equal("Recorded: the child has left care", await BannerAfterAsync(client, left, $"/People/{childId}/LookedAfter"));
        Assert.Equal(Today.AddDays(-1), await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.EndedOn).SingleAsync(Ct)));
    }

    [Fact]
    public async Task StartPage_AFutureDate_Returns400_WithTheMessageBesideTheDate_AndKeepsEverythingTyped()
    {
        var childId = await HeldChildAsync();
        var url = $"/People/{childId}/LookedAfter/Start";

        var response = await PostAndConfirmAsync(ClientFor(socialWorker), url, [.. Date("StartedOn", Today.AddDays(1)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p id=\"Input_StartedOn-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The date the child started to be looked after must be today or in the past</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_StartedOn\">The date the child started to be looked after must be today or in the past</a>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.StartedOn.Day\" type=\"text\" inputmode=\"numeric\" value=\"{Today.AddDays(1).Day}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Smith family\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sn1 2ab\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"C1\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"U6\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"N1\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"PR1\" checked", html, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync()));
    }

    [Fact]
    public async Task Rule392d_StartPage_AHomePostcodeTheSameAsTheFosterPlacements_IsRefusedBesideIt_AndAnotherIsKeptOnThePeriod()
    {
        var childId = await HeldChildAsync();
        var url = $"/People/{childId}/LookedAfter/Start";
        KeyValuePair<string, string>[] answers = [.. Date("StartedOn", Today), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()];

        var same = await PostAndConfirmAsync(ClientFor(socialWorker), url, [.. answers, F("Input.HomePostcode", "SN1 2AB")]);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        var html = await same.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_HomePostcode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"SN1 2AB\"", html, StringComparison.Ordinal);

        var kept = await PostAndConfirmAsync(ClientFor(socialWorker), url, [.. answers, F("Input.HomePostcode", "sn3 4ef")]);

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("SN3 4EF", await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.HomePostcode).SingleAsync(Ct)));
        Assert.Contains("Home postcode when care started: SN3 4EF", await PageAsync(ClientFor(socialWorker), $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulation24_StartPage_AsksWhetherTheCarerIsApproved_RefusesItBesideTheField_AndTheApprovalIsRecordedOnItsOwnPage()
    {
        var childId = await HeldChildAsync();
        var url = $"/People/{childId}/LookedAfter/Start";
        var client = ClientFor(socialWorker);
        KeyValuePair<string, string>[] common = [.. Date("StartedOn", Today), F("Input.LegalStatus", "V2"), F("Input.CategoryOfNeed", "N1"), .. Episode()];

        var refused = await PostAndConfirmAsync(client, url, [.. common, .. Placement(type: "U6", carer: "Aunt Maria", approval: "ConnectedPersonTemporary")]);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"Input_PlacementApproval-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Temporary approval (regulation 24) is for a foster placement with a relative or friend (U1 to U3)", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ConnectedPersonTemporary\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Aunt Maria\"", html, StringComparison.Ordinal);

        var started = await PostAndConfirmAsync(client, url, [.. common, .. Placement(type: "U3", carer: "Aunt Maria", approval: "ConnectedPersonTemporary")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var overview = await PageAsync(client, $"/People/{childId}/LookedAfter");
        Assert.Contains("the carer is temporarily approved (regulation 24)", overview, StringComparison.Ordinal);
        Assert.Contains("regulation 28(4)", overview, StringComparison.Ordinal);
        var approval = $"/People/{childId}/LookedAfter/Approval";
        Assert.Contains($"href=\"{approval}\">Carer approved as a foster carer</a>", overview, StringComparison.Ordinal);

        var future = await PostFormAsync(client, approval, Date("CompletedOn", Today.AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("id=\"Input_CompletedOn-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The date the assessment or approval was completed must be today or in the past", await future.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var done = await PostFormAsync(client, approval, Date("CompletedOn", Today));
        Assert.Equal("Recorded: the assessment or approval is complete", await BannerAfterAsync(client, done, $"/People/{childId}/LookedAfter"));
        Assert.Equal(Domain.LookedAfter.PlacementApproval.Approved, await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).Select(e => e.Placement.Approval).SingleAsync(Ct)));
        Assert.Contains($"assessment or approval completed {Today:d MMMM yyyy}", await PageAsync(client, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        var again = await client.GetAsync(approval, Ct);
        Assert.Equal((HttpStatusCode.Redirect, $"/People/{childId}/LookedAfter"), (again.StatusCode, again.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task AnEpisodesStart_IsCorrectedByTheWorkerWhoRecordedIt_WithAReason_AndTheChronologyAndVisitFollow_OthersMayNot()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var started = await PostAndConfirmAsync(client, $"/People/{childId}/LookedAfter/Start", [.. Date("StartedOn", Today.AddDays(-5)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var episode = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).Select(e => e.Id).SingleAsync(Ct));
        var form = $"/People/{childId}/Corrections/CareEpisodeStart/{episode}";
        Assert.Contains($"href=\"{form}\"", await PageAsync(client, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        var other = await CreateUserAsync(Roles.SocialWorker, "Sam Other");
        Assert.DoesNotContain($"href=\"{form}\"", await PageAsync(ClientFor(other), $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(other).GetAsync(form, Ct)).StatusCode);

        var noReason = await PostFormAsync(client, form, Date("HeldOn", Today.AddDays(-3)));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"Input_Reason-error\"", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var beforeTheReferral = await PostFormAsync(client, form, [.. Date("HeldOn", Today.AddDays(-6)), F("Input.Reason", "Typed a day late.")]);
        Assert.Equal(HttpStatusCode.BadRequest, beforeTheReferral.StatusCode);
        Assert.Contains($"The child&#x27;s care began within the referral of {Today.AddDays(-5):d MMMM yyyy}: correct the referral&#x27;s date first", await beforeTheReferral.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var corrected = await PostFormAsync(client, form, [.. Date("HeldOn", Today.AddDays(-3)), F("Input.Reason", "The child came into care on the Saturday; the form was typed on Thursday.")]);

        Assert.Equal("Corrected: the date of the looked-after episode", await BannerAfterAsync(client, corrected, $"/People/{childId}/LookedAfter"));
        Assert.Equal((Today.AddDays(-3), Today.AddDays(-3)), await WithDbAsync(db => db.PeriodsOfCare.Select(p => new ValueTuple<DateOnly, DateOnly>(p.StartedOn, p.Episodes.Single().StartedOn)).SingleAsync(Ct)));
        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));
        Assert.Equal(Today.AddDays(4), care.Latest!.NextVisit!.DueOn);
        var entry = Assert.Single(await SendAsUserAsync(socialWorker, new Application.Recording.GetChronology.Query(childId)), e => e.Id == episode);
        Assert.Equal((Today.AddDays(-3), "Started to be looked after", "Grace Okafor-Lyle"), (entry.OccurredOn, entry.Title, entry.RecordedBy));
        Assert.Equal($"Date corrected from {Today.AddDays(-5):d MMMM yyyy} to {Today.AddDays(-3):d MMMM yyyy} by Grace Okafor-Lyle: The child came into care on the Saturday; the form was typed on Thursday.", Assert.Single(entry.Addenda).Text);
        var family = await SendAsUserAsync(socialWorker, new Application.Recording.GetFamilyChronology.Query(childId));
        Assert.Equal(Today.AddDays(-3), Assert.Single(family.Entries, e => e.Id == episode).OccurredOn);

        Factory.Clock.Advance(TimeSpan.FromDays(8));
        Assert.DoesNotContain($"href=\"{form}\"", await PageAsync(ClientFor(socialWorker), $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(socialWorker).GetAsync(form, Ct)).StatusCode);
        var manager = ClientFor(AssessmentManager);
        Assert.Contains($"href=\"{form}\"", await PageAsync(manager, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        var byManager = await PostFormAsync(manager, form, [.. Date("HeldOn", Today.AddDays(-4)), F("Input.Reason", "The placement began on the Friday, as the placement plan says.")]);
        Assert.Equal("Corrected: the date of the looked-after episode", await BannerAfterAsync(manager, byManager, $"/People/{childId}/LookedAfter"));
        var corrections = await WithDbAsync(db => db.Corrections.AsNoTracking().OrderBy(c => c.CorrectedAtUtc).Select(c => new ValueTuple<Guid, bool>(c.CorrectedById, c.AsManager)).ToListAsync(Ct));
        Assert.Equal([(socialWorker, false), (AssessmentManager, true)], corrections);
    }

    [Fact]
    public async Task TheDayCareEnded_IsCorrectedByAManager_WithAReason_TheLastEpisodeAndTheChronologyFollow()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAndConfirmAsync(client, $"/People/{childId}/LookedAfter/Start", [.. Date("StartedOn", Today.AddDays(-30)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAndConfirmAsync(client, $"/People/{childId}/LookedAfter/Leave", [.. Date("EndedOn", Today.AddDays(-2)), F("Input.ReasonCeased", "E13")])).StatusCode);
        var periodId = await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.Id).SingleAsync(Ct));
        var form = $"/People/{childId}/Corrections/CareEnd/{periodId}";
        Assert.Contains($"href=\"{form}\"", await PageAsync(client, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(await CreateUserAsync(Roles.SocialWorker, "Sam Other")).GetAsync(form, Ct)).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromDays(8));
        Assert.DoesNotContain($"href=\"{form}\"", await PageAsync(client, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);
        var manager = ClientFor(AssessmentManager);
        Assert.Contains($"href=\"{form}\"", await PageAsync(manager, $"/People/{childId}/LookedAfter"), StringComparison.Ordinal);

        var tooEarly = await PostFormAsync(manager, form, [.. Date("HeldOn", Today.AddDays(-40)), F("Input.Reason", "Typed wrongly.")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        var html = await tooEarly.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_HeldOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Typed wrongly.", html, StringComparison.Ordinal);
        var corrected = await PostFormAsync(manager, form, [.. Date("HeldOn", Today.AddDays(-3)), F("Input.Reason", "The child went home on the Friday; the end was typed on Monday.")]);

        Assert.Equal("Corrected: the date of the end of care", await BannerAfterAsync(manager, corrected, $"/People/{childId}/LookedAfter"));
        Assert.Equal((Today.AddDays(-3), Today.AddDays(-3)), await WithDbAsync(db => db.PeriodsOfCare.Select(p => new ValueTuple<DateOnly, DateOnly>(p.EndedOn!.Value, p.Episodes.Single().EndedOn!.Value)).SingleAsync(Ct)));
        var entry = Assert.Single(await SendAsUserAsync(socialWorker, new Application.Recording.GetChronology.Query(childId)), e => e.Id == periodId);
        Assert.Equal((Today.AddDays(-3), "Stopped being looked after", "Grace Okafor-Lyle"), (entry.OccurredOn, entry.Title, entry.RecordedBy));
        Assert.StartsWith($"Date corrected from {Today.AddDays(-2):d MMMM yyyy} to {Today.AddDays(-3):d MMMM yyyy} by ", Assert.Single(entry.Addenda).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_ACodeThatDoesNotExist_AndMissingAnswers_AreShownBesideTheirFields()
    {
        var childId = await HeldChildAsync();
        var url = $"/People/{childId}/LookedAfter/Start";
        var client = ClientFor(socialWorker);

        var unknown = await PostAndConfirmAsync(client, url, [.. Date("StartedOn", Today.AddDays(-3)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement(type: "ZZ")]);
        var empty = await PostAndConfirmAsync(client, url, [F("Input.StartedOn.Day", "31"), F("Input.StartedOn.Month", "2"), F("Input.StartedOn.Year", "2026")]);
        var unknownHtml = await unknown.Content.ReadAsStringAsync(Ct);
        var emptyHtml = await empty.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("id=\"Input_PlacementType-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> &#x27;ZZ&#x27; is not an SSDA903 placement type", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        foreach (var (field, message) in new[]
        {
            ("StartedOn", "Started on must be a real date"), ("LegalStatus", "Select the legal status"), ("CategoryOfNeed", "Select the category of need"),
            ("PlacementType", "Select the placement type"), ("Carer", "Enter the carer or the name of the setting"),
        })
        {
            Assert.Contains($"id=\"Input_{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}", emptyHtml, StringComparison.Ordinal);
        }

        Assert.Contains("name=\"Input.StartedOn.Day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", emptyHtml, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync()));
    }

    [Fact]
    public async Task PlacementPage_AStaleVersion_Returns409NamingWhoChangedIt_AndKeepsTheNewCarer()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAndConfirmAsync(client, $"/People/{childId}/LookedAfter/Start", [.. Date("StartedOn", new DateOnly(2026, 9, 1)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()])).StatusCode);
        var period = await WithDbAsync(db => db.PeriodsOfCare.Select(p => new { p.Id, p.Version }).SingleAsync());
        var url = $"/People/{childId}/LookedAfter/Placement";
        var stale = new[] { F("Input.PeriodOfCareId", period.Id.ToString()), F("Input.Version", period.Version.ToString()) };

        var moved = await PostFormAsync(ClientFor(AssessmentManager), url, [.. stale, .. Date("ChangedOn", new DateOnly(2026, 11, 2)), F("Input.SameCarer", "false"), F("Input.ReasonForChange", "CARPL"), .. Placement(carer: "Jones family")]);
        var refused = await PostFormAsync(client, url, [.. stale, .. Date("ChangedOn", new DateOnly(2026, 11, 3)), F("Input.SameCarer", "false"), F("Input.ReasonForChange", "CARPL"), .. Placement(carer: "Brown family")]);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/People/{childId}/LookedAfter", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("This record was changed by Ruth Adeyemi", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Brown family\"", html, StringComparison.Ordinal);
        var carers = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).OrderBy(e => e.StartedOn).Select(e => e.Placement.Carer).ToListAsync());
        Assert.Equal(["Smith family", "Jones family"], carers);
    }

    [Fact]
    public async Task PlacementPage_AMoveWithoutItsReason_IsRefusedBesideTheReason_KeepsTheUrn_AndOnceGivenTheLookedAfterPageShowsBoth()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/LookedAfter";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAndConfirmAsync(client, $"{overview}/Start", [.. Date("StartedOn", Today.AddDays(-60)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()])).StatusCode);
        var home = new[] { F("Input.PlacementType", "K2"), F("Input.PlacementProvider", "PR4"), F("Input.Carer", "Hillcrest House"), F("Input.PlacementPostcode", "GL1 1AA"), F("Input.PlacementUrn", "sc654321"), F("Input.PlacementApproval", "Approved") };

        var noReason = await PostFormAsync(client, $"{overview}/Placement", [.. Date("ChangedOn", Today.AddDays(-10)), F("Input.SameCarer", "false"), .. home]);
        var refused = await new HtmlParser().ParseDocumentAsync(await noReason.Content.ReadAsStringAsync(Ct));
        var moved = await PostFormAsync(client, $"{overview}/Placement", [.. Date("ChangedOn", Today.AddDays(-10)), F("Input.SameCarer", "false"), F("Input.ReasonForChange", "CREQB"), .. home]);
        var page = await new HtmlParser().ParseDocumentAsync(await PageAsync(client, overview));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Error: Select why the placement changed (DfE rule 225)", refused.QuerySelector("#Input_ReasonForChange-error")?.TextContent.Trim());
        Assert.Equal("sc654321", (refused.QuerySelector("#Input_PlacementUrn") as IHtmlInputElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var episodes = page.QuerySelectorAll("table.govuk-table").First(t => t.QuerySelector("caption")?.TextContent.StartsWith("Episodes", StringComparison.Ordinal) == true);
        var first = episodes.QuerySelectorAll("tbody tr")[0].TextContent;
        var second = episodes.QuerySelectorAll("tbody tr")[1].TextContent;
        Assert.Contains("Moved on: Carer(s) requests placement end due to child’s behaviour (CREQB)", first, StringComparison.Ordinal);
        Assert.Contains("Hillcrest House (K2, PR4), GL1 1AA, URN SC654321", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Moved on", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartMoveAndLeavePages_EachLandOnTheLookedAfterPageWithTheirBanner_AndALeavingDateTooEarlyKeepsTheReason()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/LookedAfter";

        var started = await PostAndConfirmAsync(client, $"{overview}/Start", [.. Date("StartedOn", Today.AddDays(-60)), F("Input.LegalStatus", "V2"), F("Input.CategoryOfNeed", "N4"), .. Episode(), .. Placement()]);
        Assert.StartsWith("Recorded: the child is looked after", await BannerAfterAsync(client, started, overview), StringComparison.Ordinal);

        var moved = await PostFormAsync(client, $"{overview}/Placement", [.. Date("ChangedOn", Today.AddDays(-10)), F("Input.SameCarer", "false"), F("Input.ReasonForChange", "CARPL"), .. Placement(carer: "Jones family")]);
        Assert.Equal("Recorded: the placement changed", await BannerAfterAsync(client, moved, overview));

        var tooEarly = await PostAndConfirmAsync(client, $"{overview}/Leave", [.. Date("EndedOn", Today.AddDays(-20)), F("Input.ReasonCeased", "E4A")]);
        var refused = await new HtmlParser().ParseDocumentAsync(await tooEarly.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        var episodeStarted = Today.AddDays(-10).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Contains($"cannot be before the current episode started, on {episodeStarted}", refused.QuerySelector("#Input_EndedOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("E4A", (refused.QuerySelector("#Input_ReasonCeased") as IHtmlSelectElement)?.Value);

        var left = await PostAndConfirmAsync(client, $"{overview}/Leave", [.. Date("EndedOn", Today.AddDays(-1)), F("Input.ReasonCeased", "E4A")]);
        Assert.Equal("Recorded: the child has left care", await BannerAfterAsync(client, left, overview));
    }

    [Fact]
    public async Task EveryPage_AnswersTheWorker_AndTheReviewingOfficerOpensOnlyTheReview()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var before = await (await client.GetAsync($"/People/{childId}/LookedAfter", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("has not been looked after", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{childId}/LookedAfter/Start\"", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{childId}/LookedAfter\"", await (await client.GetAsync($"/People/{childId}", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await PostAndConfirmAsync(client, $"/People/{childId}/LookedAfter/Start", [.. Date("StartedOn", new DateOnly(2026, 11, 2)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()]);
        var period = await WithDbAsync(db => db.PeriodsOfCare.Select(p => new { p.Id, p.Version }).SingleAsync());
        var missingId = await SendAsUserAsync(socialWorker, new RecordMissingEpisode.Command { PersonId = childId, PeriodOfCareId = period.Id, Version = period.Version, MissingType = "A", StartedOn = new DateOnly(2026, 11, 20) });

        var overview = await (await client.GetAsync($"/People/{childId}/LookedAfter", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Started to be looked after (S)", overview, StringComparison.Ordinal);
        Assert.Contains("Interim care order (C1)", overview, StringComparison.Ordinal);
        Assert.Contains("Due 30 November 2026 &#x2014; 4 working days left", overview, StringComparison.Ordinal);
        Assert.Contains("Due 9 November 2026 &#x2014; 11 working days overdue", overview, StringComparison.Ordinal);
        Assert.Contains("Away from placement without authorisation since 20 November 2026", overview, StringComparison.Ordinal);
        foreach (var form in new[] { "LegalStatus", "Placement", "Leave", "Visit", "Missing", $"Missing/{missingId}/Return", $"Missing/{missingId}/Interview", "LibertyOrder" })
        {
            var page = await client.GetAsync($"/People/{childId}/LookedAfter/{form}", Ct);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{form} answered {(int)page.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/{childId}/LookedAfter/Missing/{Guid.NewGuid()}/Return", Ct)).StatusCode);
        var version = await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.Version).SingleAsync());
        var returned = await PostFormAsync(client, $"/People/{childId}/LookedAfter/Missing/{missingId}/Return", [F("Input.PeriodOfCareId", period.Id.ToString()), F("Input.Version", version.ToString()), .. Date("EndedOn", new DateOnly(2026, 11, 21))], $"/People/{childId}/LookedAfter/Missing/{missingId}/Return");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 21), await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.MissingEpisodes).Select(m => m.EndedOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/People/{childId}/LookedAfter/Start", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/People/{childId}/LookedAfter/Review", Ct)).StatusCode);
        var officer = ClientFor(reviewingOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/People/{childId}/LookedAfter/Review", Ct)).StatusCode);
        Assert.Contains($"href=\"/People/{childId}/LookedAfter/Review\"", await (await officer.GetAsync($"/People/{childId}/LookedAfter", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/People/{childId}/LookedAfter/Placement", Ct)).StatusCode);
        var reviewed = await PostFormAsync(officer, $"/People/{childId}/LookedAfter/Review", [F("Input.PeriodOfCareId", period.Id.ToString()), F("Input.Version", (await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.Version).SingleAsync())).ToString()), .. Date("HeldOn", new DateOnly(2026, 11, 23)), F("Input.ParticipationCode", "PN1"), F("Input.Attendees", "Riley, carers, social worker"), F("Input.CarePlanEndorsed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Contains("Helen Marsh", await (await client.GetAsync($"/People/{childId}/LookedAfter", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibertyOrderPages_AnEndBeforeTheOrderWasMade_IsRefusedBesideTheEnd_KeepingTheStart_ThenTheOrderIsRecordedAndEnded()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/LookedAfter";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAndConfirmAsync(client, $"{overview}/Start", [.. Date("StartedOn", Today.AddDays(-60)), F("Input.LegalStatus", "C2"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement("K2")])).StatusCode);

        var backwards = await PostFormAsync(client, $"{overview}/LibertyOrder", [.. Date("StartedOn", Today.AddDays(-30)), .. Date("EndedOn", Today.AddDays(-40))]);
        var refused = await new HtmlParser().ParseDocumentAsync(await backwards.Content.ReadAsStringAsync(Ct));
        var made = await PostFormAsync(client, $"{overview}/LibertyOrder", [.. Date("StartedOn", Today.AddDays(-30))]);
        var banner = await BannerAfterAsync(client, made, overview);
        var orderId = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.DeprivationOfLibertyOrders).Select(o => o.Id).SingleAsync(Ct));
        var inForce = await PageAsync(client, overview);
        var ended = await PostFormAsync(client, $"{overview}/LibertyOrder/{orderId}/Ended", [.. Date("EndedOn", Today.AddDays(-2))]);
        var page = await new HtmlParser().ParseDocumentAsync(await PageAsync(client, overview));

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("cannot be before it was made", refused.QuerySelector("#Input_EndedOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(-30).Day.ToString(CultureInfo.InvariantCulture), (refused.QuerySelector("#Input_StartedOn") as IHtmlInputElement)?.Value);
        Assert.Equal("Recorded: the deprivation of liberty order", banner);
        Assert.Contains($"href=\"/People/{childId}/LookedAfter/LibertyOrder/{orderId}/Ended\"", inForce, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var row = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Deprivation of liberty orders").QuerySelector("tbody tr")!.TextContent;
        Assert.Contains(Today.AddDays(-30).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), row, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(-2).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{overview}/LibertyOrder/{Guid.NewGuid()}/Ended", Ct)).StatusCode);
    }

    [Fact]
    public async Task StartPage_PreviousPermanence_IsAskedFor_AZ1WithACouncilIsRefusedBesideTheCouncil_AndAnSgoWithAPartDateShowsOnTheOverview()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/LookedAfter";
        KeyValuePair<string, string>[] start = [.. Date("StartedOn", Today.AddDays(-20)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), F("Input.ReferralSourceCode", "1A"), F("Input.PrimaryNeedCode", "N1"), .. Placement()];

        var notAnswered = await new HtmlParser().ParseDocumentAsync(await (await PostAndConfirmAsync(client, $"{overview}/Start", start)).Content.ReadAsStringAsync(Ct));
        var contradictory = await PostAndConfirmAsync(client, $"{overview}/Start", [.. start, F("Input.PreviousPermanence", "Z1"), F("Input.PermanenceLocalAuthority", "935")]);
        var refused = await new HtmlParser().ParseDocumentAsync(await contradictory.Content.ReadAsStringAsync(Ct));
        var started = await PostAndConfirmAsync(client, $"{overview}/Start", [.. start, F("Input.PreviousPermanence", "P2"), F("Input.PermanenceLocalAuthority", "935"), F("Input.PermanenceOrder.Month", "5"), F("Input.PermanenceOrder.Year", "2019")]);
        var page = await PageAsync(client, overview);

        Assert.Contains("Select whether the child has left care before", notAnswered.QuerySelector("#Input_PreviousPermanence-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, contradictory.StatusCode);
        Assert.Contains("DfE rule 635", refused.QuerySelector("#Input_PermanenceLocalAuthority-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("935", (refused.QuerySelector("#Input_PermanenceLocalAuthority") as IHtmlInputElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("Left care before: Special guardianship order (SGO) (P2), arranged by 935, May 2019", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermanencePage_RecordsPreviousPermanenceLearnedAfterCareStarted_WithAFutureOrderRefusedBesideTheDate()
    {
        var childId = await HeldChildAsync();
        var client = ClientFor(socialWorker);
        var overview = $"/People/{childId}/LookedAfter";
        await PostAndConfirmAsync(client, $"{overview}/Start", [.. Date("StartedOn", Today.AddDays(-20)), F("Input.LegalStatus", "C1"), F("Input.CategoryOfNeed", "N1"), .. Episode(), .. Placement()]);
        Assert.Contains($"href=\"{overview}/Permanence\"", await PageAsync(client, overview), StringComparison.Ordinal);

        var afterCare = await PostFormAsync(client, $"{overview}/Permanence", [F("Input.PreviousPermanence", "P1"), F("Input.PermanenceLocalAuthority", "935"), F("Input.PermanenceOrder.Year", (Today.Year + 1).ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, afterCare.StatusCode);
        var refused = await new HtmlParser().ParseDocumentAsync(await afterCare.Content.ReadAsStringAsync(Ct));
        Assert.NotNull(refused.QuerySelector("#Input_PermanenceOrder-error"));
        Assert.Equal("935", (refused.QuerySelector("#Input_PermanenceLocalAuthority") as IHtmlInputElement)?.Value);

        var recorded = await PostFormAsync(client, $"{overview}/Permanence", [F("Input.PreviousPermanence", "P1"), F("Input.PermanenceLocalAuthority", "935"), F("Input.PermanenceOrder.Month", "7"), F("Input.PermanenceOrder.Year", "2020")]);

        Assert.Equal("Recorded: previous permanence", await BannerAfterAsync(client, recorded, overview));
        Assert.Contains("Left care before: Adoption (P1), arranged by 935, July 2020", await PageAsync(client, overview), StringComparison.Ordinal);
    }
}
