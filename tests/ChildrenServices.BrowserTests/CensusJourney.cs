using System.Xml.Linq;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// The CIN census in Chromium: a performance officer checks this year's census and finds two failures on the demo social
/// worker's children (records brought in without an ethnicity), shares them out by worker, and cannot download with
/// errors unconfirmed; the worker follows the fix link from their own census checks and puts one record right; the
/// failure leaves both lists, and the officer downloads the census. axe-core on every page.
/// </summary>
public sealed class CensusJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task AnOfficerFindsTwoFailures_TheWorkerPutsOneRight_AndTheCensusDownloads()
    {
        var (first, second) = await TwoChildrenWithoutEthnicityAsync();

        var officer = await host.NewPageAsync();
        await SignInAsync(officer, "performance@demo.example", "/Performance");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Children in need census", Exact = true }).ClickAsync();
        await officer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Children in need census 2026/27", await HeadingAsync(officer));
        await AssertAccessibleAsync(officer, "the CIN census");

        // Shared out by worker: the demo social worker's failures, the two among them.
        await officer.Locator("#return-by-worker").GetByRole(AriaRole.Link, new() { Name = "Grace Okafor-Lyle", Exact = true }).ClickAsync();
        await officer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var filtered = officer.Url;
        var theirs = string.Join("\n", await Ethnicity(officer, "#return-failures").AllInnerTextsAsync());
        Assert.Equal(2, await Ethnicity(officer, "#return-failures").CountAsync());
        Assert.Contains(first.Name, theirs, StringComparison.Ordinal);
        Assert.Contains(second.Name, theirs, StringComparison.Ordinal);
        await AssertAccessibleAsync(officer, "the CIN census, one worker's failures");

        await ClickAsync(officer, "Download the census (XML)");
        Assert.Contains("outstanding: put them right, or confirm", await officer.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(officer, "the CIN census, download refused");

        // The worker puts the first child's record right from the fix link on their own census checks.
        var worker = await host.NewPageAsync();
        await SignInAsync(worker, "socialworker@demo.example", "/MyWork");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Return checks on my children", Exact = true }).ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Return checks on my children", await HeadingAsync(worker));
        await AssertAccessibleAsync(worker, "census checks on my children");
        var row = worker.Locator("#my-census-failures tbody tr").Filter(new() { HasText = first.Name }).Filter(new() { HasText = "4220" });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Change personal details", await HeadingAsync(worker));
        await worker.GetByLabel("Ethnicity", new() { Exact = true }).SelectOptionAsync("WBRI");
        await ClickAsync(worker, "Save changes");
        await worker.GotoAsync("/MyWork/Returns");
        var left = string.Join("\n", await Ethnicity(worker, "#my-census-failures").AllInnerTextsAsync());
        Assert.DoesNotContain(first.Name, left, StringComparison.Ordinal);
        Assert.Contains(second.Name, left, StringComparison.Ordinal);

        // The officer's list no longer has it; the census downloads with the remaining errors confirmed.
        await officer.GotoAsync(filtered);
        var now = string.Join("\n", await Ethnicity(officer, "#return-failures").AllInnerTextsAsync());
        Assert.DoesNotContain(first.Name, now, StringComparison.Ordinal);
        Assert.Contains(second.Name, now, StringComparison.Ordinal);
        await officer.GetByLabel("Download the census with its", new() { Exact = false }).CheckAsync();
        var download = await officer.RunAndWaitForDownloadAsync(() => ClickAsync(officer, "Download the census (XML)"));
        Assert.Equal($"CIN_Census_2027_{DemoData.DemoDataSeeder.DemoLaNumber}.xml", download.SuggestedFilename);
        var xml = XDocument.Load(await download.PathAsync());
        Assert.Contains(xml.Descendants("LAchildID"), id => id.Value == first.LocalId);
    }

    /// <summary>The rows of a failures table that are rule 4220's.</summary>
    private static ILocator Ethnicity(IPage page, string table) =>
        page.Locator($"{table} tbody tr").Filter(new() { HasText = "Ethnicity is missing or invalid" });

    /// <summary>
    /// Two children the demo social worker leads, born and unrestricted, with an episode of need in this collection year:
    /// their ethnicity taken away, as a record brought in from another system may have come.
    /// </summary>
    private async Task<((string Name, string LocalId) First, (string Name, string LocalId) Second)> TwoChildrenWithoutEthnicityAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var year = CollectionYear.Containing(DateOnly.FromDateTime(BrowserHost.Today));
        var worker = await db.Staff.Where(s => s.Email == "socialworker@demo.example").Select(s => s.Id).SingleAsync(ct);
        var children = await db.People
            .Where(p => p.DateOfBirth != null && p.Restriction == null && p.MergedIntoId == null
                && db.Allocations.Any(a => a.ChildId == p.Id && a.WorkerId == worker && a.EndedOn == null && a.Role == AllocationRole.Lead)
                && db.Referrals.Any(r => r.ChildId == p.Id && r.Status != ReferralStatus.Withdrawn && r.ReferralDate <= year.End && (r.ClosedOn == null || r.ClosedOn >= year.Start)))
            .OrderBy(p => p.LocalId)
            .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName, p.LocalId })
            .Take(2)
            .ToListAsync(ct);
        Assert.Equal(2, children.Count);
        var ids = children.Select(c => c.Id).ToList();
        await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, (string?)null), ct);
        return ((children[0].Name, children[0].LocalId!), (children[1].Name, children[1].LocalId!));
    }
}
