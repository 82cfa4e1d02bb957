using static ChildrenServices.IntegrationTests.Pages.PageHelpers;
using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>What every response carries, and each role's home page.</summary>
public sealed partial class HostPageTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task SignedInPage_HasNonceCspMatchingItsScriptNoStoreAndFrameDenial()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");

        var response = await ClientFor(worker).GetAsync("/MyWork");
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NoncePattern().Match(csp).Groups[1].Value;

        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains($"<script nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var second = await ClientFor(worker).GetAsync("/MyWork");
        Assert.NotEqual(csp, second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task StaticAssets_LinkedByVersionAndKeptAYear_UnversionedCheckedEachTime()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var client = ClientFor(worker);

        var html = await client.GetStringAsync("/MyWork", TestContext.Current.CancellationToken);
        var assets = VersionedAssetPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(assets, a => a.StartsWith("/lib/govuk/govuk-frontend.min.css?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/moj/moj-frontend.min.css?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/js/init.js?v=", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var caching = response.Headers.CacheControl;
            Assert.True(caching is { Public: true, NoStore: false }, $"{asset}: {caching}");
            Assert.Equal(TimeSpan.FromDays(365), caching.MaxAge);
            Assert.Contains("immutable", caching.ToString(), StringComparison.Ordinal);
        }

        // A script module imports GOV.UK Frontend by its plain path: kept, but checked with the server each time.
        var plain = await client.GetAsync("/lib/govuk/govuk-frontend.min.js", TestContext.Current.CancellationToken);
        Assert.True(plain.Headers.CacheControl is { NoCache: true, NoStore: false }, plain.Headers.CacheControl?.ToString());
        Assert.NotNull(plain.Headers.ETag);
        var unchanged = new HttpRequestMessage(HttpMethod.Get, "/lib/govuk/govuk-frontend.min.js");
        unchanged.Headers.IfNoneMatch.Add(plain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(unchanged, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_AnswerWithoutSignIn()
    {
        var client = AnonymousClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task UnknownPage_FriendlyNotFoundWithCorrelationId()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");

        var response = await ClientFor(worker).GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"correlation-id\">[^<]{8,}<", html);
    }

    [Fact]
    public async Task SearchRequest_QueryStringNeverReachesTheLogs()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        Factory.Logs.Clear();

        await SearchAsync(ClientFor(worker), F("Input.Name", "Zqxwvutsr"));

        Assert.NotEmpty(Factory.Logs.Entries);
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains("Zqxwvutsr", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Roles.FrontDoorPractitioner, "/FrontDoor")]
    [InlineData(Roles.FamilyKeyworker, "/MyWork")]
    [InlineData(Roles.SocialWorker, "/MyWork")]
    [InlineData(Roles.ReviewingOfficer, "/MyWork")]
    [InlineData(Roles.TeamManager, "/Team")]
    [InlineData(Roles.PerformanceOfficer, "/Performance")]
    [InlineData(Roles.Administrator, "/Admin/Users")]
    public async Task Home_EachRole_RedirectsToItsOwnPage(string role, string home)
    {
        var user = await CreateUserAsync(role, "Alex Rowe");

        var response = await ClientFor(user).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(user).GetAsync(home)).StatusCode);
    }

    [Fact]
    public async Task MyWork_ShowsTheChildrenAllocatedToMe()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await CreateTeamAsync(manager, "Assessment", worker);
        var child = await CreateChildAsync(manager, "Ezra", "Quaye");
        await AllocateAsync(manager, child, worker);

        var html = await ClientFor(worker).GetStringAsync("/MyWork");

        Assert.Contains("Children I hold (1)", html, StringComparison.Ordinal);
        Assert.Contains("Ezra Quaye", html, StringComparison.Ordinal);
        var team = await ClientFor(manager).GetStringAsync("/Team");
        Assert.Contains("Grace Okafor-Lyle", team, StringComparison.Ordinal);
        Assert.Contains("1 of 18", team, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every table on the service overview downloads as CSV, and all of them as one Excel workbook, from the links on the
    /// page (followed as a browser would). A new team with no workers holds nothing against a capacity of 18.
    /// </summary>
    [Fact]
    public async Task ServiceOverview_EveryTableDownloadsAsCsv_AndAllOfThemAsAnExcelWorkbook()
    {
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        await CreateTeamAsync(manager, "Assessment East");
        var page = await officer.GetStringAsync("/Performance");
        string Link(string text) => PageHelpers.DownloadLink(page, text);

        var caseloads = await officer.GetAsync(Link("caseloads (CSV)"));
        Assert.Equal("text/csv", caseloads.Content.Headers.ContentType?.MediaType);
        var csv = (await caseloads.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("Team,Kind,Workers,Children held by a lead worker,Average caseload,Capacity per worker\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Assessment East,Assessment,0,0,0,18\r\n", csv, StringComparison.Ordinal);

        var frontDoor = (await officer.GetStringAsync(Link("the front door (CSV)"))).TrimStart('\uFEFF');
        Assert.StartsWith("Measure,Number,Out of,Per cent,Definition,From,To\r\nContacts,0,,,Contacts received in the period, by any route", frontDoor.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Decided within one working day,0,0,0,", frontDoor, StringComparison.Ordinal);

        var quality = (await officer.GetStringAsync(Link("data quality (CSV)"))).TrimStart('\uFEFF');
        Assert.StartsWith("Gap,Records,Out of\r\n", quality, StringComparison.Ordinal);
        Assert.Contains("Children with no NHS number,", quality, StringComparison.Ordinal);

        var workbook = await officer.GetAsync(Link("every table on this page (Excel workbook)"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()));
        using var names = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var sheets = await names.ReadToEndAsync();
        Assert.Equal(["Front door", "Caseloads", "Data quality"], Regex.Matches(sheets, "<sheet [^>]*name=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:lib|css|js|assets)/[^\"]+\\?v=[^\"]+)\"")]
    private static partial Regex VersionedAssetPattern();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
