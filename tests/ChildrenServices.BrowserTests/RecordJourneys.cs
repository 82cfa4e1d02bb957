using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>The child's record as practitioners meet it, in Chromium, with axe-core on every page visited.</summary>
public sealed class RecordJourneys(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task FrontDoor_RecordsAChildWhoseDateOfBirthIsNotKnown_OnAContact_AndTheRecordCarriesTheFlag()
    {
        var given = "Tamsin";
        var family = $"Vowles{Guid.NewGuid().ToString("N")[..6]}";
        var page = await host.NewPageAsync();
        await SignInAsync(page, "frontdoor@demo.example");
        await AssertAccessibleAsync(page, "front door queue");

        await ClickAsync(page, "Record a contact", AriaRole.Link);
        await AssertAccessibleAsync(page, "record a contact");
        await page.GetByLabel("Referrer's name").FillAsync("PC Hallam");
        await page.GetByLabel("Agency or organisation (optional)").FillAsync("Police");
        await page.GetByLabel("Referral source (DfE code)").SelectOptionAsync("6");
        await page.GetByLabel("The concerns, in the referrer's words").FillAsync($"{given}, about 7, found alone at the bus station late at night; she could not give her date of birth.");
        await page.GetByLabel("Given", new() { Exact = true }).CheckAsync();
        await ClickAsync(page, "Save and continue");
        Assert.Contains("Contact recorded", await BannerAsync(page), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "contact page");

        await ClickAsync(page, "Add a child or adult", AriaRole.Link);
        await page.GetByLabel("Search by name").FillAsync($"{given} {family}");
        await ClickAsync(page, "Search");
        await AssertAccessibleAsync(page, "find a child for the contact");
        await ClickAsync(page, "Record a new child", AriaRole.Link);
        await AssertAccessibleAsync(page, "record a new child");

        await page.GetByLabel("Given names").FillAsync(given);
        await page.GetByLabel("Family name").FillAsync(family);
        await page.Locator("input[name='Input.Sex'][value='Female']").CheckAsync();
        await ClickAsync(page, "Save");

        // Neither a date, an age nor a reason: the error is beside the date and nothing typed is lost.
        Assert.Contains("Enter the date of birth, the expected date of birth for an unborn child, or why the date of birth is not known",
            await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(family, await page.GetByLabel("Family name").InputValueAsync());
        await AssertAccessibleAsync(page, "record a new child with an error");

        await page.GetByLabel("Approximate age in years (optional)").FillAsync("7");
        await page.GetByLabel("Why the date of birth is not known").FillAsync("Police gave an age only");
        await ClickAsync(page, "Save");
        Assert.Contains($"{given} {family} recorded and added to the contact", await BannerAsync(page), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "contact with the new child");

        await ClickAsync(page, $"{given} {family}", AriaRole.Link);
        var bar = await page.Locator(".moj-identity-bar").InnerTextAsync();
        Assert.Contains("Age about 7, date of birth not known", bar, StringComparison.Ordinal);
        Assert.Contains("Date of birth not known", bar, StringComparison.Ordinal);
        Assert.Contains("Recent contact", bar, StringComparison.Ordinal);
        Assert.Contains("Not known because: Police gave an age only", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "the child's record");
    }
}
