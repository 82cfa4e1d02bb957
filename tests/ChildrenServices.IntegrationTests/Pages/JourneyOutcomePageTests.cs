using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>
/// What the browser journeys used to check by reading the page — the banner a post-redirect-get lands on, the
/// message beside a field, the address a form sends the user to, what a refused form keeps — checked here over
/// HTTP on the parsed page, where it costs milliseconds. The journeys keep what needs a browser: the scripts,
/// the journey flowing end to end, and axe-core on every page.
/// </summary>
public sealed class JourneyOutcomePageTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateOnly Born = new(2016, 3, 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUserPage_NothingEntered_Returns400WithTheNameErrorLinkedToItsFieldAndCreatesNoAccount()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var client = ClientFor(admin);

        var response = await PressAsync(client, "/Admin/Users/Create", "Create account");
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = Assert.Single(ErrorSummaryLinks(page), l => l.Text == "Enter the person's full name");
        Assert.Equal("#Input_DisplayName", link.Href);
        Assert.Contains("Enter the person's full name", page.QuerySelector("#Input_DisplayName-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task CaseloadPage_TwoChildrenMoved_LandsBackOnTheCaseloadWithABannerNamingTheNewWorker()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var busy = await CreateUserAsync(Roles.SocialWorker, "Bea Busy");
        var other = await CreateUserAsync(Roles.SocialWorker, "Oli Other");
        await CreateTeamAsync(manager, "Assessment team 1", busy, other);
        var children = new List<Guid>();
        foreach (var given in new[] { "Ada", "Bo", "Cy" })
        {
            var child = await CreateChildAsync(manager, given, "Lewis");
            await AllocateAsync(manager, child, busy);
            children.Add(child);
        }

        var client = ClientFor(manager);
        var url = $"/Team/Workers/{busy}";

        var moved = await PostFormAsync(client, url, [F("Input.ChildIds", children[0].ToString()), F("Input.ChildIds", children[1].ToString()), F("Input.ToWorkerId", other.ToString()), F("Input.LeadReason", "MANAGE")]);
        var landed = await FollowAsync(client, moved);

        Assert.Equal(url, moved.Headers.Location!.OriginalString);
        Assert.Equal("2 children moved to Oli Other", SuccessBanner(landed));
        var stillListed = landed.QuerySelectorAll<IHtmlInputElement>("input[name='Input.ChildIds']").Select(i => i.Value).ToList();
        Assert.Equal([children[2].ToString()], stillListed);
    }

    [Fact]
    public async Task MergePages_ConfirmedThenUndone_EachLandsOnItsRecordWithItsBanner()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born.AddDays(1));
        var client = ClientFor(manager);
        var mergeUrl = $"/People/{survivor}/Merge";

        var check = await PostFormAsync(client, $"{mergeUrl}?handler=Check", [F("Other", merged.ToString()), F("Keep", "This")], mergeUrl);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var checkPage = await ParseAsync(check);
        Assert.Equal("Check your answers before merging", checkPage.QuerySelector("h1")?.TextContent.Trim());

        var confirmed = await SubmitAsync(client, FormPostingTo(checkPage.DocumentElement.OuterHtml, mergeUrl, $"{mergeUrl}?handler=Confirm"), []);
        var kept = await FollowAsync(client, confirmed);
        Assert.Equal($"/People/{survivor}", confirmed.Headers.Location!.OriginalString);
        Assert.StartsWith("Records merged: everything recorded on Finlay Walker's other record is now on this one.", SuccessBanner(kept), StringComparison.Ordinal);

        var old = await client.GetAsync($"/People/{merged}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Contains("Finlay Walker's record was merged into this record", (await FollowAsync(client, old)).QuerySelector("main")?.TextContent, StringComparison.Ordinal);

        var mergeId = await WithDbAsync(db => db.PersonMerges.Select(m => m.Id).SingleAsync(Ct));
        var undone = await PressAsync(client, $"/People/Merges/{mergeId}/Undo", "Undo the merge");
        var restored = await FollowAsync(client, undone);
        Assert.Equal($"/People/{merged}", undone.Headers.Location!.OriginalString);
        Assert.Equal("Merge undone: Finlay Walker's record is a record of its own again, with everything that was recorded on it.", SuccessBanner(restored));
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct));

    /// <summary>The page a post-redirect-get lands on, fetched as the browser would follow the redirect (the banner rides in the cookie).</summary>
    private static async Task<IDocument> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        var response = await client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>The heading of the layout's success banner, or null when the page has none.</summary>
    private static string? SuccessBanner(IDocument page) =>
        page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();

    private static IEnumerable<(string Text, string? Href)> ErrorSummaryLinks(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")));
}
