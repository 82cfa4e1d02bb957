using System.Net;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.FrontDoor;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>
/// Issue 15, need to know beyond the record's own pages: a front-door contact and a family's early help name the children
/// and say what is happening to them, so a colleague who works with none of them gives a reason first there too, and
/// comes back to the page they asked for. The front door and managers read them without one.
/// </summary>
public sealed class ReadingPolicyAroundTheRecordTests(NeedToKnowAppFactory factory) : FrontDoorTestBase(factory), IClassFixture<NeedToKnowAppFactory>
{
    [Fact]
    public async Task A_contact_and_a_familys_early_help_ask_an_outsider_for_a_reason_then_open()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync("Kit", "Fenwright");
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            var team = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam);
            team.AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var requestId = await WithDbAsync(db => db.EarlyHelpRequests.Where(r => r.Children.Any(c => c.ChildId == childId)).Select(r => r.Id).SingleAsync());
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = requestId, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var outsider = await CreateUserAsync(Roles.SocialWorker, "Bethany Frost");
        var client = ClientFor(outsider);

        foreach (var page in new[] { $"/FrontDoor/Contacts/{contactId}", $"/EarlyHelp/Episodes/{episodeId}" })
        {
            var asked = await client.GetAsync(page, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Equal($"/People/{childId}/Reason?returnUrl={Uri.EscapeDataString(page)}", asked.Headers.Location!.OriginalString);
        }

        // Those who work with the family, the front door and managers read them without a reason.
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(keyworker).GetAsync($"/EarlyHelp/Episodes/{episodeId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Practitioner).GetAsync($"/FrontDoor/Contacts/{contactId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Manager).GetAsync($"/EarlyHelp/Episodes/{episodeId}", TestContext.Current.CancellationToken)).StatusCode);

        // The reason, given on the child's reason page, brings the outsider back to the family's early help, which opens.
        var reasonPage = $"/People/{childId}/Reason?returnUrl={Uri.EscapeDataString($"/EarlyHelp/Episodes/{episodeId}")}";
        var given = await PostFormAsync(client, reasonPage, [F("Input.Reason", "Covering the keyworker's duty calls today")]);
        Assert.Equal($"/EarlyHelp/Episodes/{episodeId}", given.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/EarlyHelp/Episodes/{episodeId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/FrontDoor/Contacts/{contactId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await WithDbAsync(db => db.ReadingReasons.AnyAsync(r => r.UserId == outsider && r.PersonId == childId)));
    }

    [Fact]
    public async Task The_reason_page_goes_back_only_to_an_address_on_this_site()
    {
        var (_, childId) = await ContactAboutNewChildAsync("Kit", "Fenwright");
        var outsider = await CreateUserAsync(Roles.SocialWorker, "Bethany Frost");

        var given = await PostFormAsync(ClientFor(outsider), $"/People/{childId}/Reason?returnUrl={Uri.EscapeDataString("//elsewhere.example/phish")}", [F("Input.Reason", "Checking a duty call")]);

        Assert.Equal($"/People/{childId}", given.Headers.Location?.OriginalString);
    }
}
