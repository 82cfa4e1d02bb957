using ChildrenServices.Infrastructure.Seeding;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ChildrenServices.BrowserTests;

/// <summary>What every journey does: sign in as a demo user, and check each page with axe-core.</summary>
internal static class Browse
{
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Wait for the redirect away from the sign-in page itself, not for a load state: waiting for a state
        // can resolve against the page being left, or time out in the gap between the two documents on a
        // loaded machine (seen once on a fresh clone). Signing in hashes a password, so allow it a minute.
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>WCAG 2.2 AA as axe-core checks it; the failure lists each violation and where.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {what}:\n{string.Join("\n", problems)}");
    }

    /// <summary>The text of the notification banner a post-redirect-get lands on.</summary>
    public static async Task<string> BannerAsync(IPage page) => await page.Locator(".govuk-notification-banner").InnerTextAsync();

    public static async Task<string> HeadingAsync(IPage page) => (await page.Locator("h1").InnerTextAsync()).Trim();

    /// <summary>A GOV.UK date input: day, month and year boxes whose ids start with <paramref name="id"/>.</summary>
    public static async Task FillDateAsync(IPage page, string id, DateTime date)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(culture));
        await page.Locator($"#{id}_Month").FillAsync(date.Month.ToString(culture));
        await page.Locator($"#{id}_Year").FillAsync(date.Year.ToString(culture));
    }

    public static async Task ClickAsync(IPage page, string name, AriaRole role = AriaRole.Button)
    {
        await page.GetByRole(role, new() { Name = name, Exact = true }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
