using System.IO.Compression;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// A performance officer in Chromium reproduces a four-date table of early help, child in need, child protection and
/// looked-after counts from the demo council and downloads it as CSV and as an Excel workbook; axe-core on every page.
/// </summary>
public sealed class PerformanceJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly DateTime[] Dates = [new(2026, 3, 31), new(2026, 6, 30), new(2026, 9, 30), BrowserHost.Today];

    [Fact]
    public async Task AnOfficerReproducesAFourDateTable_AndDownloadsItAsCsvAndExcel()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "performance@demo.example", "/Performance");
        await page.GetByRole(AriaRole.Link, new() { Name = "The service at any date", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("The service at any date", await HeadingAsync(page));
        await AssertAccessibleAsync(page, "the service at any date");

        await FillDateAsync(page, "Date2", BrowserHost.Today.AddDays(2));
        await ClickAsync(page, "Show the figures");
        Assert.Contains("A date must be today or in the past", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "the service at any date, with an error");

        for (var i = 0; i < Dates.Length; i++)
        {
            await FillDateAsync(page, $"Date{i + 1}", Dates[i]);
        }

        await ClickAsync(page, "Show the figures");
        await AssertAccessibleAsync(page, "the service at four dates");
        var expected = await ExpectedAsync();
        var rows = page.Locator("table").First.Locator("tbody tr");
        Assert.Equal(5, await rows.CountAsync());
        for (var r = 0; r < 5; r++)
        {
            var cells = await rows.Nth(r).Locator("td").AllInnerTextsAsync();
            Assert.Equal(expected.Select(column => column[r].ToString(System.Globalization.CultureInfo.InvariantCulture)), cells);
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "counts at dates (CSV)" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal("Measure,2026-03-31,2026-06-30,2026-09-30,2026-11-24,Definition", lines[0]);
        Assert.StartsWith($"Children looked after,{string.Join(',', expected.Select(c => c[4]))},", lines[5], StringComparison.Ordinal);

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "both tables (Excel workbook)" }).ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(await excel.PathAsync());
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        Assert.Contains("Counts at dates", await workbook.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerReadsTimelinessAndFlow_WithTheExceptionsBehindEachFigure()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "performance@demo.example", "/Performance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Timeliness", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Timeliness", await HeadingAsync(page));
        await AssertAccessibleAsync(page, "timeliness");
        var summary = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("Assessments completed within 45 working days", summary, StringComparison.Ordinal);
        Assert.Contains("Contacts decided within one working day", summary, StringComparison.Ordinal);

        await page.GotoAsync("/Performance/Flow");
        Assert.Equal("Flow through the service", await HeadingAsync(page));
        Assert.Contains("Contacts converted to referrals", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "flow through the service");
        await page.GotoAsync("/Performance/Workload");
        Assert.Equal("Workload", await HeadingAsync(page));
        Assert.Contains("Weighted", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "workload");

        // Every team's totals; one team's workers, with their overdue statutory work, when the officer chooses it.
        Assert.DoesNotContain("Grace Okafor-Lyle", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Assessment Team" });
        await ClickAsync(page, "Show workload");
        var team = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Grace Okafor-Lyle", team, StringComparison.Ordinal);
        Assert.Contains("Overdue", team, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "workload for one team");
        await page.GotoAsync("/Performance/Timeliness");

        await FillDateAsync(page, "From", BrowserHost.Today);
        await FillDateAsync(page, "To", BrowserHost.Today.AddDays(-1));
        await ClickAsync(page, "Show timeliness");
        Assert.Contains("The end of the period must not be before its start", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "timeliness, with an error");
    }

    /// <summary>
    /// The counts worked out here, independently of the page's query: for each date, what had started on or before it and
    /// had not ended on or before it, in the page's row order (early help children, families, CIN, CP, looked after).
    /// </summary>
    private async Task<List<int[]>> ExpectedAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var columns = new List<int[]>();
        foreach (var date in Dates.Select(DateOnly.FromDateTime))
        {
            var episodes = db.EarlyHelpEpisodes.Where(e => e.StartedOn <= date && (e.EndedOn == null || e.EndedOn > date));
            columns.Add(
            [
                await episodes.SelectMany(e => e.Children).CountAsync(ct),
                await episodes.CountAsync(ct),
                await db.ChildInNeedPlans.CountAsync(p => p.StartedOn <= date && (p.EndedOn == null || p.EndedOn > date), ct),
                await db.ChildProtectionPlans.CountAsync(p => p.StartedOn <= date && (p.EndedOn == null || p.EndedOn > date), ct),
                await db.PeriodsOfCare.CountAsync(p => p.StartedOn <= date && (p.EndedOn == null || p.EndedOn > date), ct),
            ]);
        }

        Assert.Contains(columns, c => c.Any(n => n > 0));
        return columns;
    }

    [Fact]
    public async Task TheAdministratorSetsTheCaseWeights()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "admin@demo.example", "/Admin/Weights");
        Assert.Equal("Administration", await HeadingAsync(page));
        await AssertAccessibleAsync(page, "case weights");
        await page.GetByLabel("A child on a child protection plan", new() { Exact = true }).FillAsync("12");
        await ClickAsync(page, "Save case weights");
        Assert.Contains("Enter a whole number of points from 0 to 10", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "case weights, with an error");
        await page.GetByLabel("A child on a child protection plan", new() { Exact = true }).FillAsync("4");
        await ClickAsync(page, "Save case weights");
        Assert.Contains("Case weights saved", await BannerAsync(page), StringComparison.Ordinal);
    }
}
