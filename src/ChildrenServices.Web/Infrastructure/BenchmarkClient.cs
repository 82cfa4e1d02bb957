using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.DemoData;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// One browser for the benchmark: its own cookies, redirects not followed (so a redirect is seen and checked), and
/// forms sent as a browser sends them, with the antiforgery token and submission id of the form it was given.
/// </summary>
internal sealed class BenchmarkClient : IDisposable
{
    private readonly HttpClient http;

    public BenchmarkClient(Uri server)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
    }

    public string? SignedInAs { get; private set; }

    public Task<BenchmarkResponse> GetAsync(string path, string? benchId, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), benchId, ct);

    public Task<BenchmarkResponse> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? benchId, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) }, benchId, ct);

    /// <summary>Signs in through the form as a browser does; the response is the POST's, which must be a redirect home.</summary>
    public async Task<BenchmarkResponse> SignInAsync(string email, string? benchId, CancellationToken ct)
    {
        var page = await GetAsync("/Account/SignIn", null, ct);
        if (page.Status != 200 || BenchmarkForm.Find(page.Body, "Input.Email") is not { } form)
        {
            return page with { Problem = $"the sign-in page answered {page.Status} without its form" };
        }

        var fields = form.Fields();
        BenchmarkForm.Set(fields, "Input.Email", email);
        BenchmarkForm.Set(fields, "Input.Password", DemoDataSeeder.DemoPassword);
        var response = await PostAsync("/Account/SignIn", fields, benchId, ct) with { Posted = true };
        if (response.Status != 302 || response.Location != "/")
        {
            return response with { Problem = $"signing in as {email} answered {response.Status}{(response.Location is null ? "" : " to " + response.Location)}, not a redirect home" };
        }

        SignedInAs = email;
        return response;
    }

    /// <summary>Posts a form whose answer is a file, reading it as it streams (never held whole): the status, the bytes and the time to the last byte.</summary>
    public async Task<(int Status, long Bytes, TimeSpan Elapsed)> DownloadAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            bytes += read;
        }

        return ((int)response.StatusCode, bytes, watch.Elapsed);
    }

    public void Dispose() => http.Dispose();

    private async Task<BenchmarkResponse> SendAsync(HttpRequestMessage request, string? benchId, CancellationToken ct)
    {
        using (request)
        {
            if (benchId is not null)
            {
                request.Headers.Add(BenchmarkRecorder.Header, benchId);
            }

            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var elapsed = watch.Elapsed;
            return new BenchmarkResponse((int)response.StatusCode, response.Headers.Location?.OriginalString, body, elapsed);
        }
    }
}

/// <summary>A response as the client saw it; <see cref="Problem"/> says why it is not what was expected.</summary>
internal sealed record BenchmarkResponse(int Status, string? Location, string Body, TimeSpan Elapsed)
{
    public string? Problem { get; init; }

    /// <summary>Whether a form was sent (for signing in: whether it got as far as the POST).</summary>
    public bool Posted { get; init; }
}

/// <summary>A form read from a page: the fields a browser would send from it as served.</summary>
internal sealed partial class BenchmarkForm(string html)
{
    /// <summary>The POST form on the page that has a field named <paramref name="field"/> (the layout has others, such as signing out).</summary>
    public static BenchmarkForm? Find(string page, string field)
    {
        foreach (Match form in FormPattern().Matches(page))
        {
            if (form.Value.Contains($"name=\"{field}\"", StringComparison.Ordinal)
                && Attributes(form.Groups["open"].Value).GetValueOrDefault("method")?.Equals("post", StringComparison.OrdinalIgnoreCase) == true)
            {
                return new BenchmarkForm(form.Value);
            }
        }

        return null;
    }

    /// <summary>What a browser sends untouched: every text and hidden input with its value, ticked boxes, text areas, chosen options.</summary>
    public List<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(html))
        {
            var a = Attributes(input.Value);
            if (a.GetValueOrDefault("name") is not { } name || a.ContainsKey("disabled"))
            {
                continue;
            }

            var type = a.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
            if (type is "submit" or "button" or "image" or "reset" or "file")
            {
                continue;
            }

            if (type is "checkbox" or "radio" && !a.ContainsKey("checked"))
            {
                continue;
            }

            fields.Add(new(name, a.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : string.Empty)));
        }

        foreach (Match area in TextAreaPattern().Matches(html))
        {
            if (Attributes(area.Groups["open"].Value).GetValueOrDefault("name") is { } name)
            {
                // A browser drops the one newline that follows the opening tag.
                var text = WebUtility.HtmlDecode(area.Groups["text"].Value);
                fields.Add(new(name, text.StartsWith('\n') ? text[1..] : text));
            }
        }

        foreach (Match select in SelectPattern().Matches(html))
        {
            if (Attributes(select.Groups["open"].Value).GetValueOrDefault("name") is not { } name)
            {
                continue;
            }

            var options = OptionPattern().Matches(select.Groups["options"].Value).Select(o => Attributes(o.Value)).ToList();
            if ((options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault()) is { } chosen)
            {
                fields.Add(new(name, chosen.GetValueOrDefault("value") ?? string.Empty));
            }
        }

        return fields;
    }

    /// <summary>The values of the radio buttons named <paramref name="name"/>, in page order.</summary>
    public IReadOnlyList<string> Choices(string name) =>
        [.. InputPattern().Matches(html).Select(m => Attributes(m.Value))
            .Where(a => a.GetValueOrDefault("name") == name && a.GetValueOrDefault("value") is not null)
            .Select(a => a["value"]!)];

    /// <summary>Types into a field (or ticks a box): replaces what the form had for <paramref name="name"/>.</summary>
    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    /// <summary>The messages of a page's error summary, so a refused form says why; empty when it has none.</summary>
    public static IReadOnlyList<string> Errors(string page)
    {
        var summary = ErrorSummaryPattern().Match(page);
        return summary.Success
            ? [.. ListItemPattern().Matches(summary.Value).Select(li => WebUtility.HtmlDecode(TagPattern().Replace(li.Groups["text"].Value, string.Empty)).Trim())]
            : [];
    }

    private static Dictionary<string, string?> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var open = tag.IndexOf(' ', StringComparison.Ordinal);
        if (open < 0)
        {
            return attributes;
        }

        foreach (Match a in AttributePattern().Matches(tag[open..]))
        {
            var value = a.Groups["dq"].Success ? a.Groups["dq"].Value : a.Groups["sq"].Success ? a.Groups["sq"].Value : a.Groups["bare"].Success ? a.Groups["bare"].Value : null;
            attributes.TryAdd(a.Groups["name"].Value, value is null ? null : WebUtility.HtmlDecode(value));
        }

        return attributes;
    }

    [GeneratedRegex(@"(?<open><form\b[^>]*>).*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"(?<open><textarea\b[^>]*>)(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex(@"(?<open><select\b[^>]*>)(?<options>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex(@"<option\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>""']+)))?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"<div\b[^>]*govuk-error-summary\b.*?</div>\s*</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    [GeneratedRegex(@"<li\b[^>]*>(?<text>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();
}
