using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>No input gives a 500: malformed bodies, odd methods and odd error codes are the sender's mistake (4xx).</summary>
public sealed class MalformedRequestTests(AppFactory factory) : IntegrationTest(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPostEndpoint_NulBytesMalformedMultipartAndOversizeBodies_AnswerWithoutA500()
    {
        var everyone = await CreateUserAsync(
            [Roles.FrontDoorPractitioner, Roles.FamilyKeyworker, Roles.SocialWorker, Roles.TeamManager, Roles.ReviewingOfficer, Roles.PerformanceOfficer, Roles.Administrator],
            "Robin Ashby");
        var child = await CreateChildAsync(everyone, "Riley", "Taylor");
        var endpoints = await PostEndpointsAsync(child);
        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} POST endpoints were found");

        var signedIn = ClientFor(everyone);
        var anonymous = AnonymousClient();
        var tokens = new Dictionary<HttpClient, string>
        {
            [signedIn] = await TokenFromAsync(signedIn, "/MyWork"),
            [anonymous] = await TokenFromAsync(anonymous, "/Account/SignIn"),
        };
        var limit = Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>>().Value.ValueLengthLimit;
        var oversize = new string('x', limit + 1);

        var failures = new List<string>();
        foreach (var url in endpoints)
        {
            foreach (var (client, who) in new[] { (signedIn, "signed in"), (anonymous, "anonymous") })
            {
                var token = tokens[client];
                var bodies = new (string What, Func<HttpContent> Body)[]
                {
                    ("NUL bytes", () => new FormUrlEncodedContent([F(TokenField, token), F("Input.Text", "before\0after"), F("Input.Name\0", "x"), F("Input.GivenName", "\0")])),
                    ("multipart without a boundary", () => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n")),
                    ("multipart cut short", () => Raw("multipart/form-data; boundary=cut", $"--cut\r\nContent-Disposition: form-data; name=\"{TokenField}\"\r\n\r\n{token}\r\n--cut\r\nContent-Disposition: form-data; name=\"Input.Text\"\r\n\r\nhalf a no")),
                    ("multipart with a broken header", () => Raw("multipart/form-data; boundary=bad", "--bad\r\nthis is not a header\r\n\r\nvalue\r\n--bad--\r\n")),
                    ("an oversize value", () => new FormUrlEncodedContent([F(TokenField, token), F("Input.Text", oversize)])),
                };
                foreach (var (what, body) in bodies)
                {
                    var response = await client.PostAsync(url, body(), Ct);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{who} POST {url} with {what}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task SignIn_NulByte_Is400WithTheErrorPage()
    {
        var client = AnonymousClient();
        var form = FormPostingTo(await PageAsync(client, "/Account/SignIn"), "/Account/SignIn", "/Account/SignIn");

        var response = await SubmitAsync(client, form, [F("Input.Email", "alex\0@example.org"), F("Input.Password", "correct horse battery staple")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, the form could not be sent", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_MalformedMultipart_Is400WithTheErrorPage()
    {
        var response = await AnonymousClient().PostAsync("/Account/SignIn", Raw("multipart/form-data; boundary=cut", "--cut\r\nContent-Disposition: form-data; name=\"Input.Email\"\r\n\r\nhalf"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, the form could not be sent", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Error/200")]
    [InlineData("/Error/302")]
    [InlineData("/Error/0")]
    [InlineData("/Error/999")]
    public async Task ErrorPage_ACodeThatIsNotAnError_IsNotFound(string url)
    {
        var response = await AnonymousClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/Account/SignIn")]
    [InlineData("PUT", "/request")]
    [InlineData("DELETE", "/MyWork")]
    [InlineData("OPTIONS", "/Error/404")]
    public async Task AnyMethodButGetHeadAndPost_Is405(string method, string url)
    {
        var response = await AnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow.Count > 0 ? response.Content.Headers.Allow : response.Headers.GetValues("Allow")));
    }

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Every Razor Page handler that answers POST, its route filled with a real child's id (or an int) where it takes one.</summary>
    private async Task<IReadOnlyList<string>> PostEndpointsAsync(Guid childId)
    {
        var loader = Factory.Services.GetRequiredService<PageLoader>();
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, endpoint.Metadata);
            var path = Fill(endpoint.RoutePattern, childId);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
            {
                urls.Add(handler.Name is null ? path : $"{path}?handler={handler.Name}");
            }
        }

        return [.. urls];
    }

    private static string Fill(RoutePattern pattern, Guid id) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
            RoutePatternParameterPart => id.ToString(),
            _ => string.Empty,
        }))));
}
