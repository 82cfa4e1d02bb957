using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>The assessment pages: bad input is refused beside the field and nothing typed is lost.</summary>
public sealed partial class AssessmentPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionPattern();

    [Fact]
    public async Task StartingBeforeTheReferral_IsRefusedBesideTheDate_AndAnImpossibleDateIsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var client = ClientFor(socialWorker);
        var url = $"/People/{childId}/Assessment";

        var early = await PostFormAsync(client, url, [F("Input.StartedOn.Day", "23"), F("Input.StartedOn.Month", "11"), F("Input.StartedOn.Year", "2026")]);
        var impossible = await PostFormAsync(client, url, [F("Input.StartedOn.Day", "31"), F("Input.StartedOn.Month", "2"), F("Input.StartedOn.Year", "2026")]);

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("The assessment cannot start before the referral date, 24 November 2026", await early.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Contains("value=\"31\"", await impossible.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.ChildAndFamilyAssessments.CountAsync()));
    }

    [Fact]
    public async Task SendingWithoutTheChildSeen_SavesWhatWasTyped_AndSaysWhyBesideTheLink()
    {
        var ct = TestContext.Current.CancellationToken;
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var client = ClientFor(socialWorker);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/People/{childId}/Assessment", [F("Input.StartedOn.Day", "24"), F("Input.StartedOn.Month", "11"), F("Input.StartedOn.Year", "2026")])).StatusCode);
        var edit = $"/People/{childId}/Assessment/Edit";
        var version = VersionPattern().Match(await (await client.GetAsync(edit, ct)).Content.ReadAsStringAsync(ct)).Groups[1].Value;
        var answers = new[] { F("Input.Version", version), F("Input.Analysis", "Mum <b>protective</b>; dad drinking at weekends."), F("Input.Factors", "1B"), F("Input.Factors", "3A"), F("Input.Outcome", "ChildInNeedPlan") };

        var refused = await PostFormAsync(client, edit + "?handler=Submit", [.. answers, F("Input.AssessmentId", await WithDbAsync(db => db.ChildAndFamilyAssessments.Select(a => a.Id.ToString()).SingleAsync()))]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains("Record at least one date the child was seen", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_SeenOn\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_SeenOn\"", page, StringComparison.Ordinal);
        Assert.Contains("Mum &lt;b&gt;protective&lt;/b&gt;; dad drinking at weekends.", page, StringComparison.Ordinal);
        var saved = await WithDbAsync(db => db.ChildAndFamilyAssessments.SingleAsync());
        Assert.Equal(("Mum <b>protective</b>; dad drinking at weekends.", "1B,3A", AssessmentStatus.InProgress), (saved.Analysis, saved.FactorCodes, saved.Status));
        Assert.Contains($"value=\"{saved.Version}\"", page, StringComparison.Ordinal);
    }
}
