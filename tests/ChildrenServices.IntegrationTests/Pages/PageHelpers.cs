using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>
/// Forms are posted as a browser would: the page is fetched and parsed, one form on it is picked (by
/// where it posts, by its submit button, or by position), and that form's own hidden fields — its
/// own antiforgery token and submission id among them — go with the fields the test fills in, to the
/// form's own action. A form that has no token of its own therefore fails the test, as it would fail
/// the user.
/// </summary>
internal static class PageHelpers
{
    public const string TokenField = "__RequestVerificationToken";

    public const string SubmissionField = "__SubmissionId";

    /// <summary>A form on a page: where it posts and the hidden fields it carries.</summary>
    public sealed record Form(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden)
    {
        public string? Token => Hidden.FirstOrDefault(f => f.Key == TokenField).Value;

        public string? SubmissionId => Hidden.FirstOrDefault(f => f.Key == SubmissionField).Value;

        /// <summary>The form's hidden fields, with any the test sets replaced by the test's values, then the test's fields.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var given = fields.ToList();
            var names = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            return [.. Hidden.Where(h => !names.Contains(h.Key)), .. given];
        }
    }

    /// <summary>Every post form on the page, each with the action a browser would post it to (and its submit buttons' formactions).</summary>
    public static IReadOnlyList<(Form Form, IReadOnlyList<string> Targets, IReadOnlyList<string> Buttons)> PostFormsOn(string html, string pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        var forms = new List<(Form, IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = Resolve(page, form.GetAttribute("action"));
            var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
                .Where(i => !string.IsNullOrEmpty(i.Name) && !i.IsDisabled)
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
                .ToList();
            var buttons = form.QuerySelectorAll("button, input[type=submit]")
                .Where(b => !string.Equals(b.GetAttribute("type"), "button", StringComparison.OrdinalIgnoreCase))
                .ToList();
            var targets = new List<string> { action };
            targets.AddRange(buttons.Select(b => b.GetAttribute("formaction")).OfType<string>().Select(a => Resolve(page, a)));
            forms.Add((new Form(action, hidden), targets, buttons.Select(b => Normalise(b.TextContent)).ToList()));
        }

        return forms;
    }

    /// <summary>The form on the page that posts to <paramref name="url"/> (through its action or a button's formaction).</summary>
    public static Form FormPostingTo(string html, string pageUrl, string url)
    {
        var target = Resolve(new Uri(new Uri("http://localhost"), pageUrl), url);
        var forms = PostFormsOn(html, pageUrl);
        var exact = forms.Where(f => f.Targets.Any(t => string.Equals(t, target, StringComparison.OrdinalIgnoreCase))).ToList();

        if (exact.Count > 0)
        {
            return exact[0].Form with { Action = target };
        }

        // A step of a multi-step form (a "check" step's Confirm, a draft saved by script) is posted
        // from the form that leads to it: the same page, another handler.
        var samePage = forms.Where(f => f.Targets.Any(t => string.Equals(PathOf(t), PathOf(target), StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(samePage.Count > 0, $"{pageUrl} has no form that posts to {url}");
        var sameHandler = samePage.Where(f => f.Targets.Any(t => HandlerOf(t) == HandlerOf(target))).ToList();
        return (sameHandler.Count > 0 ? sameHandler : samePage)[0].Form with { Action = target };
    }

    /// <summary>
    /// The form whose submit button reads <paramref name="buttonText"/> (the nth such form, from 0), posting where that
    /// button sends it: its own formaction if it has one (a "Change your answers" beside a "Confirm"), else the form's action.
    /// </summary>
    public static Form FormWithButton(string html, string pageUrl, string buttonText, int index = 0)
    {
        var forms = PostFormsOn(html, pageUrl);
        var elements = new HtmlParser().ParseDocument(html).QuerySelectorAll<IHtmlFormElement>("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        var matching = new List<Form>();
        for (var i = 0; i < forms.Count; i++)
        {
            var button = elements[i].QuerySelectorAll("button, input[type=submit]")
                .Where(b => !string.Equals(b.GetAttribute("type"), "button", StringComparison.OrdinalIgnoreCase))
                .FirstOrDefault(b => Normalise(b.TextContent).Contains(buttonText, StringComparison.Ordinal));
            if (button is not null)
            {
                matching.Add(button.GetAttribute("formaction") is { } formAction ? forms[i].Form with { Action = Resolve(page, formAction) } : forms[i].Form);
            }
        }

        Assert.True(matching.Count > index, $"{pageUrl} has no form with a \"{buttonText}\" button (number {index + 1})");
        return matching[index];
    }

    /// <summary>The address of the page's download link whose text starts with <paramref name="text"/>, as a browser would follow it.</summary>
    public static string DownloadLink(string html, string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"<a class=\"govuk-link\" href=\"(?<href>[^\"]+)\" download>{System.Text.RegularExpressions.Regex.Escape(text)}");
        Assert.True(match.Success, $"No download link '{text}' on the page");
        return System.Net.WebUtility.HtmlDecode(match.Groups["href"].Value);
    }

    /// <summary>Follows the page's download link <paramref name="text"/> and reads the file as text, without its byte order mark.</summary>
    public static async Task<string> DownloadTextAsync(HttpClient client, string html, string text) =>
        (await client.GetStringAsync(DownloadLink(html, text), TestContext.Current.CancellationToken)).TrimStart('\uFEFF');

    /// <summary>Fetches <paramref name="formUrl"/> (by default <paramref name="url"/>) and posts the form on it that posts to <paramref name="url"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formUrl = null)
    {
        var pageUrl = formUrl ?? url;
        var form = FormPostingTo(await PageAsync(client, pageUrl), pageUrl, url);
        return await SubmitAsync(client, form, fields);
    }

    /// <summary>
    /// A consequential decision's two steps, as a browser takes them: posts the form; when it comes back as "Check your
    /// answers" (200), presses the button starting <paramref name="confirm"/> on that page, its answers carried in its own
    /// hidden fields. A form refused at the first step (400) is returned as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAndConfirmAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string confirm = "Confirm")
    {
        var checking = await PostFormAsync(client, url, fields);
        if (checking.StatusCode != HttpStatusCode.OK)
        {
            return checking;
        }

        var html = await checking.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers", html, StringComparison.Ordinal);
        return await SubmitAsync(client, FormWithButton(html, url, confirm), []);
    }

    /// <summary>Fetches the page and posts the form whose submit button reads <paramref name="buttonText"/>.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, string pageUrl, string buttonText, IEnumerable<KeyValuePair<string, string>>? fields = null, int index = 0)
    {
        var form = FormWithButton(await PageAsync(client, pageUrl), pageUrl, buttonText, index);
        return await SubmitAsync(client, form, fields ?? []);
    }

    /// <summary>Posts the form with the test's fields. It must carry its own antiforgery token, as every form must.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Form form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        Assert.False(string.IsNullOrEmpty(form.Token), $"The form that posts to {form.Action} has no antiforgery token of its own");
        return client.PostAsync(form.Action, new FormUrlEncodedContent(form.With(fields)));
    }

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The token of the page's first post form, for a test that posts where no form of its own leads
    /// (a refused user posting anyway, a draft that expired): every other test submits a form.
    /// </summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string url) => Token(await PageAsync(client, url));

    /// <inheritdoc cref="TokenFromAsync"/>
    public static string Token(string html)
    {
        var token = PostFormsOn(html, "/").Select(f => f.Form.Token).FirstOrDefault(t => !string.IsNullOrEmpty(t));
        Assert.False(string.IsNullOrEmpty(token), "The page has no form with an antiforgery token");
        return token!;
    }

    /// <summary>Checks the post redirected to <paramref name="expected"/>, follows it as a browser would, and reads the success banner there.</summary>
    public static async Task<string?> BannerAfterAsync(HttpClient client, HttpResponseMessage posted, string expected)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(expected, posted.Headers.Location!.OriginalString);
        var page = await new HtmlParser().ParseDocumentAsync(await PageAsync(client, expected));
        return page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();
    }

    /// <summary>
    /// Searches as a browser does: posts the search form, then follows the redirect to the results, whose address holds
    /// the search only as a token. Returns the results page and its address.
    /// </summary>
    public static async Task<(string Html, string Url)> SearchAsync(HttpClient client, params KeyValuePair<string, string>[] fields)
    {
        var posted = await PostFormAsync(client, "/People/Search", fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var url = posted.Headers.Location!.OriginalString.Split('#')[0];
        return (await PageAsync(client, url), url);
    }

    public static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    /// <summary>A GOV.UK date field's three boxes, as a browser posts them: <c>Input.{field}.Day</c>, <c>.Month</c>, <c>.Year</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> DateFields(string field, DateOnly date) =>
    [
        F($"Input.{field}.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        F($"Input.{field}.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        F($"Input.{field}.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string Resolve(Uri page, string? action) =>
        string.IsNullOrEmpty(action) ? page.PathAndQuery : new Uri(page, action).PathAndQuery;

    private static string PathOf(string url) => url.Split('?')[0];

    private static string? HandlerOf(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), url).Query)["handler"]?.ToLowerInvariant();

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
