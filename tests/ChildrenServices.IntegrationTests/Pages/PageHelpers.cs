using System.Net;
using System.Text.RegularExpressions;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>Forms are posted as a browser would: with the antiforgery token from the page that shows them.</summary>
internal static partial class PageHelpers
{
    public static async Task<string> TokenFromAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Token(await response.Content.ReadAsStringAsync());
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formUrl = null)
    {
        var token = await TokenFromAsync(client, formUrl ?? url);
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
