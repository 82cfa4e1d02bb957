using System.IO.Compression;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// The SSDA903 return in Chromium: a performance officer opens this year's return from the service overview and finds a
/// looked-after child's record without an ethnicity (rule 103), with the files the product does not yet fill named; the
/// child's social worker follows the fix link from their own return checks and puts it right; the failure leaves both
/// lists and the officer downloads the CSV files. axe-core on every page.
/// </summary>
public sealed class Ssda903Journey(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task AnOfficerFindsALookedAfterChildsFailure_TheWorkerPutsItRight_AndTheFilesDownload()
    {
        var child = await LookedAfterChildWithoutEthnicityAsync();

        var officer = await host.NewPageAsync();
        await SignInAsync(officer, "performance@demo.example", "/Performance");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Children looked after return (SSDA903)", Exact = true }).ClickAsync();
        await officer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Children looked after return (SSDA903) 2026/27", await HeadingAsync(officer));
        Assert.Contains("oc2.csv", await officer.Locator("#return-gaps").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Ethnicity(officer, "#return-failures").Filter(new() { HasText = child.Name }).CountAsync());
        await AssertAccessibleAsync(officer, "the SSDA903 return");

        await ClickAsync(officer, "Download the return (CSV files, zip)");
        Assert.Contains("outstanding: put them right, or confirm", await officer.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(officer, "the SSDA903 return, download refused");

        // The child's social worker puts the record right from their own return checks.
        var worker = await host.NewPageAsync();
        await SignInAsync(worker, child.WorkerEmail, "/MyWork");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Return checks on my children", Exact = true }).ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await AssertAccessibleAsync(worker, "return checks on my children, with an SSDA903 failure");
        var row = worker.Locator("#my-census-failures tbody tr").Filter(new() { HasText = child.Name }).Filter(new() { HasText = "SSDA903" }).Filter(new() { HasText = ", 103" });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Change personal details", await HeadingAsync(worker));
        await worker.GetByLabel("Ethnicity", new() { Exact = true }).SelectOptionAsync("WBRI");
        await ClickAsync(worker, "Save changes");
        await worker.GotoAsync("/MyWork/Returns");
        Assert.Equal(0, await worker.Locator("#my-census-failures tbody tr").Filter(new() { HasText = child.Name }).Filter(new() { HasText = "SSDA903" }).Filter(new() { HasText = ", 103" }).CountAsync());

        // Gone from the officer's list; the return downloads (with any other errors confirmed).
        await officer.GotoAsync("/Returns/Ssda903");
        Assert.Equal(0, await Ethnicity(officer, "#return-failures").Filter(new() { HasText = child.Name }).CountAsync());
        var confirm = officer.GetByLabel("Download the return with its", new() { Exact = false });
        if (await confirm.CountAsync() > 0)
        {
            await confirm.CheckAsync();
        }

        var download = await officer.RunAndWaitForDownloadAsync(() => ClickAsync(officer, "Download the return (CSV files, zip)"));
        Assert.Equal($"SSDA903_2027_{DemoData.DemoDataSeeder.DemoLaNumber}.zip", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        using var header = new StreamReader(zip.GetEntry("header.csv")!.Open());
        var lines = (await header.ReadToEndAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(child.LocalId + ",", StringComparison.Ordinal) && l.Contains(",WBRI,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOfficerSendsTheDailyFeed_AndReadsEachRequestAndItsAnswer()
    {
        var officer = await host.NewPageAsync();
        await SignInAsync(officer, "performance@demo.example", "/Performance");
        await officer.GetByRole(AriaRole.Link, new() { Name = "DfE daily feed", Exact = true }).ClickAsync();
        await officer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Daily children's social care feed", await HeadingAsync(officer));
        Assert.Contains("No endpoint is set", await officer.Locator("#feed-destination").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(officer, "the daily feed, nothing sent");

        await ClickAsync(officer, "Send the feed now");

        Assert.Contains("written with changes", await officer.Locator("#feed-ran").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await officer.Locator("#feed-sends tbody tr").CountAsync() >= 1);
        Assert.Contains("Written to a file", await officer.Locator("#feed-sends").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(officer, "the daily feed, sent");
    }

    private static ILocator Ethnicity(IPage page, string table) =>
        page.Locator($"{table} tbody tr").Filter(new() { HasText = "The ethnicity code is either not valid or has not been entered." });

    /// <summary>A child looked after now, unrestricted, with a lead worker: their ethnicity taken away, as a migrated record may have come.</summary>
    private async Task<(string Name, string LocalId, string WorkerEmail)> LookedAfterChildWithoutEthnicityAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var child = await db.People
            .Where(p => p.Restriction == null && p.MergedIntoId == null && p.EthnicityCode != null
                && db.PeriodsOfCare.Any(c => c.ChildId == p.Id && c.EndedOn == null))
            .Select(p => new
            {
                p.Id, Name = p.GivenNames + " " + p.FamilyName, p.LocalId,
                Worker = db.Allocations.Where(a => a.ChildId == p.Id && a.EndedOn == null && a.Role == AllocationRole.Lead)
                    .Select(a => db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.Email).FirstOrDefault()).FirstOrDefault(),
            })
            .Where(p => p.Worker != null)
            .OrderBy(p => p.LocalId)
            .FirstAsync(ct);
        await db.People.Where(p => p.Id == child.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, (string?)null), ct);
        return (child.Name, child.LocalId!, child.Worker!);
    }
}
