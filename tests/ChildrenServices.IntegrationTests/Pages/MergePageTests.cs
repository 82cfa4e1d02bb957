using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>The merge and undo pages as a browser uses them: bad input, a stale record, the redirect from a merged record.</summary>
public sealed partial class MergePageTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly DateOnly Born = new(2016, 3, 4);

    [Fact]
    public async Task MergePage_NothingChosen_Returns400WithBothErrorsBesideTheFields()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var other = await CreateChildAsync(manager, "Finlay", "Walker", Born.AddDays(1));
        var client = ClientFor(manager);

        var response = await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Check", [F("Other", "not-a-record")], $"/People/{survivor}/Merge");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#Other\">Select the other record of this person</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Keep\">Select which record to keep</a>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{other}\"", html, StringComparison.Ordinal); // the choice is offered again
        Assert.Equal(0, await WithDbAsync(db => db.PersonMerges.CountAsync()));
    }

    [Fact]
    public async Task MergePage_CheckConfirmThenUndo_EndsOnBannersAndTheMergedRecordRedirects()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born.AddDays(1));
        var client = ClientFor(manager);

        var check = await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Check", [F("Other", merged.ToString()), F("Keep", "This")], $"/People/{survivor}/Merge");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Check your answers before merging", html, StringComparison.Ordinal);
        Assert.Contains("Names", html, StringComparison.Ordinal);

        var confirm = await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Confirm", Hidden(html), $"/People/{survivor}/Merge");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal($"/People/{survivor}", confirm.Headers.Location!.OriginalString);

        var old = await client.GetAsync($"/People/{merged}/Notes");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/People/{survivor}", old.Headers.Location!.OriginalString);
        var landed = await (await client.GetAsync($"/People/{survivor}")).Content.ReadAsStringAsync();
        Assert.Contains("Finlay Walker&#x27;s record was merged into this record", landed, StringComparison.Ordinal);

        var mergeId = await WithDbAsync(db => db.PersonMerges.Select(m => m.Id).SingleAsync());
        var undoPage = await client.GetAsync($"/People/Merges/{mergeId}/Undo");
        var undoHtml = await undoPage.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers before undoing the merge", undoHtml, StringComparison.Ordinal);
        var undo = await PostFormAsync(client, $"/People/Merges/{mergeId}/Undo", Hidden(undoHtml));
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal($"/People/{merged}", undo.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/{merged}")).StatusCode);
    }

    [Fact]
    public async Task MergePage_RecordChangedAfterChecking_Returns409NamingWhoAndShowsTheCheckAgain()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var other = await CreateUserAsync(Roles.TeamManager, "Olu Other");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var client = ClientFor(manager);
        var check = await (await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Check", [F("Other", merged.ToString()), F("Keep", "This")], $"/People/{survivor}/Merge")).Content.ReadAsStringAsync();
        await SendAsUserAsync(other, new Application.People.ChangeName.Command { PersonId = merged, Version = await VersionOfAsync(merged), GivenNames = "Finlay", FamilyName = "Walker-Reid", ChangedOn = Today });

        var confirm = await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Confirm", Hidden(check), $"/People/{survivor}/Merge");
        var html = await confirm.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Contains("This record was changed by Olu Other", html, StringComparison.Ordinal);
        Assert.Contains("Check your answers before merging", html, StringComparison.Ordinal);
        Assert.Contains("Walker-Reid", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.PersonMerges.CountAsync()));
    }

    [Fact]
    public async Task MergePages_WithoutThePermission_Forbidden()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var child = await CreateChildAsync(worker, "Finley", "Walker", Born);
        var client = ClientFor(worker);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/People/{child}/Merge")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/People/Merges/{Guid.NewGuid()}/Undo")).StatusCode);
        Assert.DoesNotContain("/Merge\"", await (await client.GetAsync($"/People/{child}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoPage_AfterThePeriod_NoButtonAndAPostIsRefusedWithTheReason()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Manager");
        var survivor = await CreateChildAsync(manager, "Finley", "Walker", Born);
        var merged = await CreateChildAsync(manager, "Finlay", "Walker", Born);
        var client = ClientFor(manager);
        var check = await (await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Check", [F("Other", merged.ToString()), F("Keep", "This")], $"/People/{survivor}/Merge")).Content.ReadAsStringAsync();
        await PostFormAsync(client, $"/People/{survivor}/Merge?handler=Confirm", Hidden(check), $"/People/{survivor}/Merge");
        var mergeId = await WithDbAsync(db => db.PersonMerges.Select(m => m.Id).SingleAsync());
        var undoUrl = $"/People/Merges/{mergeId}/Undo";
        var undoForm = FormPostingTo(await PageAsync(client, undoUrl), undoUrl, undoUrl);

        // The undo page was opened within the period and left open; the button is pressed a month later.
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Contains("This merge can no longer be undone", await (await client.GetAsync($"/People/Merges/{mergeId}/Undo")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await SubmitAsync(client, undoForm, []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("merges can be undone for 30 days", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The hidden fields of the page's form, as the browser would post them.</summary>
    private static List<KeyValuePair<string, string>> Hidden(string html) =>
        [.. HiddenField().Matches(html).Select(m => F(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).Where(f => f.Key != "__RequestVerificationToken")];

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
