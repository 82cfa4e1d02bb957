using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>
/// The demo's child recorded twice ("Ayesha Khatun-Ahmed", and "Aisha Khatun" with the day and month of birth
/// swapped): the duplicate check catches a third attempt, a manager merges the two records and undoes the merge,
/// in Chromium, with axe-core on every page.
/// </summary>
public sealed class DuplicatesJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ADuplicateIsCaught_ThenAManagerMergesTheTwoRecords_AndUndoesTheMerge()
    {
        var (first, second) = await ThePairAsync();

        var practitioner = await host.NewPageAsync();
        await SignInAsync(practitioner, "frontdoor@demo.example", "/People/Create");
        await practitioner.GetByLabel("Given names").FillAsync("Aysha");
        await practitioner.GetByLabel("Family name").FillAsync("Khatun");
        await practitioner.Locator("#Input_DateOfBirth").FillAsync("9");
        await practitioner.Locator("#Input_DateOfBirth_Month").FillAsync("4");
        await practitioner.Locator("#Input_DateOfBirth_Year").FillAsync("2019");
        await ClickAsync(practitioner, "Save");
        var warning = await practitioner.Locator("main").InnerTextAsync();
        Assert.Contains("This person may already be recorded", warning, StringComparison.Ordinal);
        Assert.Contains("Ayesha Khatun-Ahmed", warning, StringComparison.Ordinal);
        Assert.Contains("Aisha Khatun", warning, StringComparison.Ordinal);
        Assert.Contains("day and month of birth swapped", warning, StringComparison.Ordinal);
        await AssertAccessibleAsync(practitioner, "record a child: possible duplicates");

        var manager = await host.NewPageAsync();
        await SignInAsync(manager, "manager@demo.example", $"/People/{first}");
        await ClickAsync(manager, "Merge with another record", AriaRole.Link);
        await AssertAccessibleAsync(manager, "merge with another record");
        await ClickAsync(manager, "Continue");
        Assert.Contains("Select which record to keep", await manager.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(manager, "merge with another record, with errors");

        await manager.GetByLabel("Aisha Khatun, born 4 September 2019", new() { Exact = false }).CheckAsync();
        await manager.GetByLabel("This record (Ayesha Khatun-Ahmed)").CheckAsync();
        await ClickAsync(manager, "Continue");
        Assert.Equal("Check your answers before merging", await HeadingAsync(manager));
        Assert.Contains("Case notes", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(manager, "check your answers before merging");
        // The banners and the redirects are checked over HTTP (JourneyOutcomePageTests.MergePages_ConfirmedThenUndone_EachLandsOnItsRecordWithItsBanner).
        await ClickAsync(manager, "Merge records");
        await manager.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals($"/People/{first}", StringComparison.OrdinalIgnoreCase));
        await AssertAccessibleAsync(manager, "the kept record after merging");

        await manager.GotoAsync($"/People/{second}");
        await AssertAccessibleAsync(manager, "the merged record's redirect");

        await ClickAsync(manager, "Merge with another record", AriaRole.Link);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Undo the merge of Aisha Khatun's record" }).ClickAsync();
        Assert.Equal("Check your answers before undoing the merge", await HeadingAsync(manager));
        await AssertAccessibleAsync(manager, "check your answers before undoing the merge");
        await ClickAsync(manager, "Undo the merge");
        await manager.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals($"/People/{second}", StringComparison.OrdinalIgnoreCase));
        await AssertAccessibleAsync(manager, "the record restored by the undo");
    }

    private async Task<(Guid First, Guid Second)> ThePairAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var first = await db.People.Where(p => p.GivenNames == "Ayesha" && p.FamilyName == "Khatun-Ahmed" && p.Type == PersonType.Child).Select(p => p.Id).SingleAsync(ct);
        var second = await db.People.Where(p => p.GivenNames == "Aisha" && p.FamilyName == "Khatun" && p.Type == PersonType.Child).Select(p => p.Id).SingleAsync(ct);
        return (first, second);
    }
}
