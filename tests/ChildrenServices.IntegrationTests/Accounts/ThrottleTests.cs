using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>
/// Issue 15, throttling: guesses are stopped per client address and per account, without anyone being able to lock a
/// colleague out of the browser they use; rate-limited requests are logged.
/// </summary>
public sealed class ThrottleTests(AppFactory factory) : IntegrationTest(factory)
{
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", password)]);

    [Fact]
    public async Task Guesses_from_strangers_lock_out_strangers_but_not_the_colleagues_own_browser()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        var ownBrowser = AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(ownBrowser, email, Password)).StatusCode);
        await PressAsync(ownBrowser, "/MyWork", "Sign out");

        for (var i = 0; i < 10; i++)
        {
            await SignInAsync(AnonymousClient(), email, "a guess at the password " + i);
        }

        var stranger = await SignInAsync(AnonymousClient(), email, Password);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("Too many failed attempts", await stranger.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(ownBrowser, email, Password)).StatusCode);
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("authn_login_lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_counts_are_kept_in_the_database_so_every_server_and_a_restart_see_them()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        for (var i = 0; i < 10; i++)
        {
            await SignInAsync(AnonymousClient(), email, "a guess at the password " + i);
        }

        // One row for the untrusted clients of the account, named by the email's hash, never the address.
        var count = await WithDbAsync(db => db.SignInFailureCounts.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(10, count.Count);
        Assert.StartsWith(ChildrenServices.Infrastructure.Identity.SignInThrottle.Hash(email) + "|untrusted", count.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("@", count.Key, StringComparison.Ordinal);
        Assert.True(count.LockedUntilUtc > Factory.Clock.GetUtcNow().UtcDateTime);

        // A throttle made afresh (another server's, or this one's after a restart) finds the lock.
        await using var scope = Factory.Services.CreateAsyncScope();
        var another = ActivatorUtilities.CreateInstance<ChildrenServices.Infrastructure.Identity.SignInThrottle>(scope.ServiceProvider);
        Assert.True(await another.IsLockedAsync(email, null, TestContext.Current.CancellationToken));
        Assert.False(await another.IsLockedAsync(email, "a-browser-that-signed-in-before", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Five_wrong_passwords_from_a_known_browser_lock_that_browser_only_and_the_lock_ends()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        var laptop = AnonymousClient();
        var phone = AnonymousClient();
        await SignInAsync(laptop, email, Password);
        await PressAsync(laptop, "/MyWork", "Sign out");
        await SignInAsync(phone, email, Password);
        await PressAsync(phone, "/MyWork", "Sign out");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(laptop, email, "mistyped password " + i);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(laptop, email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(phone, email, Password)).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(laptop, email, Password)).StatusCode);
    }

    [Fact]
    public async Task An_email_no_account_has_is_locked_the_same_way()
    {
        var answers = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var response = await SignInAsync(AnonymousClient(), "nobody.here@example.gov.uk", "a guess at the password " + i);
            answers.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Contains("Enter a correct email address and password", answers[0], StringComparison.Ordinal);
        Assert.Contains("Too many failed attempts", answers[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_device_cookie_is_an_untrusted_client()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        for (var i = 0; i < 10; i++)
        {
            await SignInAsync(AnonymousClient(), email, "a guess at the password " + i);
        }

        var forged = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppFactory.BaseAddress });
        forged.DefaultRequestHeaders.Add("Cookie", "__Host-childrenservices.device=not-a-real-device-cookie");

        Assert.Equal(HttpStatusCode.BadRequest, (await forged.PostAsync("/Account/SignIn", new FormUrlEncodedContent([F("Input.Email", email), F("Input.Password", Password)]), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_and_logged()
    {
        await using var limited = Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInAttemptsPerAddress", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AppFactory.BaseAddress });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(client, $"someone{i}@example.gov.uk", "a password guess")).StatusCode);
        }

        var refused = await SignInAsync(client, "someone9@example.gov.uk", "a password guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("excess_rate_limit_exceeded", StringComparison.Ordinal) && e.Message.Contains("/Account/SignIn", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken)).StatusCode);
    }
}
