using ChildrenServices.DemoData;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ChildrenServices.BrowserTests;

/// <summary>What every journey does: sign in as a demo user, and check each page with axe-core.</summary>
internal static class Browse
{
    /// <summary>Where the test host serves <see cref="AxeSource"/> (see BrowserHost).</summary>
    public const string AxeScriptPath = "/_browser-tests/axe.min.js";

    /// <summary>The axe-core script Deque ships inside Deque.AxeCore.Commons, read once.</summary>
    public static string AxeSource => AxeScript.Value;

    private static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons no longer ships axe.min.js under the expected resource name.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Signs a demo user in and opens <paramref name="path"/> (by default the service's front page, which takes them to
    /// their home page): one navigation, as a signed-in person following a link would make. Each journey user went through the sign-in form once
    /// this run, on the first host, and every host started from a copy of that host's database, sessions
    /// included; so a journey starts from that session cookie, as a browser that is already signed in would,
    /// instead of hashing the password again. A user not signed in yet (or signed out) goes through the form
    /// (<see cref="SignInThroughFormAsync"/>) on this host, once. The form itself has its own journey.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string path = "/")
    {
        var sessions = BrowserHost.HostOf(page).Sessions;
        if (sessions.TryGetValue(email, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            await page.GotoAsync(path);
            if (!new Uri(page.Url).AbsolutePath.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            // The kept session no longer works (signed out, or the account changed): sign in afresh, on a sign-in form
            // loaded after the cookies went (its antiforgery token belongs with the cookie the form was served beside).
            sessions.TryRemove(email, out _);
            await page.Context.ClearCookiesAsync();
            await page.ReloadAsync();
        }

        await SignInThroughFormAsync(page, email);
        sessions[email] = await CookiesOfAsync(page);
        if (path != "/")
        {
            await page.GotoAsync(path);
        }
    }

    /// <summary>The page's cookies, in the form a new browser context takes them.</summary>
    public static Task<IReadOnlyList<Cookie>> CookiesOfAsync(IPage page) => CookiesOfAsync(page.Context);

    /// <summary>A browser context's cookies, in the form a new browser context takes them.</summary>
    public static async Task<IReadOnlyList<Cookie>> CookiesOfAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();

    /// <summary>Signs in through the sign-in form, as a person does.</summary>
    public static async Task SignInThroughFormAsync(IPage page, string email, float timeout = 60_000)
    {
        if (!new Uri(page.Url, UriKind.RelativeOrAbsolute).ToString().Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("/Account/SignIn");
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Wait for the redirect away from the sign-in page itself, not for a load state: waiting for a state
        // can resolve against the page being left, or time out in the gap between the two documents on a
        // loaded machine (seen once on a fresh clone). Signing in hashes a password, so allow it a minute.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = timeout });
        }
        catch (TimeoutException e)
        {
            // Say where the browser was left and what the page said, so a refused sign-in is told from a slow one.
            throw new TimeoutException($"{email} was still on {page.Url} after {timeout / 1000} s; the page said: {await WhatThePageSaysAsync(page)}", e);
        }
    }

    public static async Task SignOutAsync(IPage page)
    {
        // Signing out ends the session on this host's server, so none of its kept cookies can be trusted afterwards.
        BrowserHost.HostOf(page).Sessions.Clear();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>
    /// WCAG 2.2 AA as axe-core checks it; the failure lists each violation and where. axe runs once, inside
    /// the page itself (Deque's own script, loaded by a script element from the test host, which the page's
    /// CSP allows as same-origin and the browser caches), rather than through Deque.AxeCore.Playwright's
    /// partial mode, which opens a second page for every check and cost about 2.4 seconds each. Our pages
    /// have no frames, so one run sees everything.
    /// </summary>
    /// <remarks>
    /// Two of axe's defaults cost time and check nothing here (measured on /Team: 700 ms a run with them, 280 ms without):
    /// <list type="bullet">
    /// <item>Preloading the CSSOM: axe fetches and parses every stylesheet again for its one rule that reads them,
    /// css-orientation-lock, which is experimental and so never runs under these tags. Media is still preloaded, for
    /// no-autoplay-audio.</item>
    /// <item>Working out a unique CSS selector for every node it checks: only a violation's nodes need one, so a run that
    /// finds violations runs again with selectors to say where they are. Which rules run, and what they find, is the same.</item>
    /// </list>
    /// </remarks>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // One round trip: the script is added (when this document has not got it yet) and run in the same call.
        var problems = await page.EvaluateAsync<string[]>(
            """
            async (src) => {
              if (typeof window.axe !== 'object') {
                await new Promise((resolve, reject) => {
                  const script = document.createElement('script');
                  script.src = src;
                  script.onload = resolve;
                  script.onerror = () => reject(new Error(`axe-core did not load from ${src}`));
                  document.head.appendChild(script);
                });
              }

              const options = {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'],
                preload: { assets: ['media'] },
              };
              let result = await window.axe.run(document, { ...options, selectors: false, elementRef: false });
              if (result.violations.length > 0) {
                result = await window.axe.run(document, options);
              }
              return result.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """,
            BrowserHost.HostOf(page).BaseAddress + AxeScriptPath);
        Assert.True(problems.Length == 0, $"Accessibility violations on {what}:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// Presses Continue and waits until the browser is on <paramref name="nextPath"/> and its document is parsed. It
    /// waits for the document, not for the page's load event: twice the wait for "load" after this step ran out a
    /// minute with the browser already on the next page and the network idle, on runs with both cores busy.
    /// </summary>
    public static async Task ContinueToAsync(IPage page, string nextPath)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == nextPath, new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (TimeoutException e)
        {
            // Say where the browser was left and what the page said, so a refused answer is told from a slow page.
            throw new TimeoutException($"Continue did not reach {nextPath}: the browser was on {page.Url}; the page said: {await WhatThePageSaysAsync(page)}", e);
        }
    }

    /// <summary>A page's heading and any error summary, for a failure message.</summary>
    private static async Task<string> WhatThePageSaysAsync(IPage page) =>
        string.Join(" | ", await page.Locator(".govuk-error-summary, h1").AllInnerTextsAsync());

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
