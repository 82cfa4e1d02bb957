using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15, transport: HTTPS only, HSTS, __Host- cookies, allowed hosts, forwarded headers only from named proxies.</summary>
public sealed class TransportTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Every_cookie_is_host_only_secure_and_http_only()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var client = AnonymousClient();
        var page = await client.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-childrenservices.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-childrenservices.antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-childrenservices.device=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        var plain = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var redirected = await plain.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        var secure = await AnonymousClient().GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/Account/SignIn", redirected.Headers.Location?.OriginalString);
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_not_allowed_is_refused_and_never_redirected_to()
    {
        var client = AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/MyWork");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_daily_feed_refuses_to_start_with_a_plain_http_endpoint_that_is_not_local()
    {
        await using var host = Factory.WithWebHostBuilder(b => b.UseSetting("DailyFeed:Endpoint", "http://feed.example/api"));

        var refused = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("must be an https:// address", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_tells_the_browser_to_clear_its_cache()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var client = AnonymousClient();
        await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);

        var signedOut = await PressAsync(client, "/MyWork", "Sign out");

        Assert.Equal("\"cache\"", signedOut.Headers.GetValues("Clear-Site-Data").Single());
    }

    [Fact]
    public async Task The_sign_in_redirect_is_relative_whatever_host_was_asked_for()
    {
        var response = await AnonymousClient().GetAsync("/MyWork", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "198.51.100.7")]
    [InlineData(true, "203.0.113.9")]
    public async Task Forwarded_headers_are_believed_only_from_a_named_proxy(bool named, string recordedAddress)
    {
        await using var host = Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FromAddress>());
            if (named)
            {
                b.UseSetting("Transport:TrustedProxies:0", "198.51.100.7");
            }
        });
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AppFactory.BaseAddress });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(recordedAddress, await WithDbAsync(db => db.SignInSessions.Select(s => s.Address).SingleAsync()));
    }

    /// <summary>Every request arrives from 198.51.100.7, as through a proxy (TestServer gives no address of its own).</summary>
    private sealed class FromAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
                return following();
            });
            next(app);
        };
    }
}
