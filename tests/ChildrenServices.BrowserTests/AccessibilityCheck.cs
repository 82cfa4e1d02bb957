using Microsoft.Playwright;
using Xunit.Sdk;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>The accessibility check every journey relies on must itself find violations, or a clean result means nothing.</summary>
public sealed class AccessibilityCheck(BrowserHost host)
{
    [Fact]
    public async Task FindsViolationsOnAPageThatHasThem()
    {
        var page = await host.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html><head><title>Broken</title></head>
            <body><main><img src="/missing.png"><input type="text"><a href="/x"></a></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AssertAccessibleAsync(page, "a broken page"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PassesTheSignInPage()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await AssertAccessibleAsync(page, "sign-in page");
        Assert.StartsWith("Sign in", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
