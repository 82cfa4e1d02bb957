using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15, sessions: held on the server, idle timeout, lifetime, a user's own list, an administrator ending them.</summary>
public sealed class SessionTests(AppFactory factory) : IntegrationTest(factory)
{
    private async Task<(Guid User, HttpClient Client)> SignedInAsync(string name = "Sam Worker")
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, name);
        var client = AnonymousClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0");
        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (worker, client);
    }

    private async Task<HttpClient> AlsoSignedInAsync(Guid user)
    {
        var client = AnonymousClient();
        await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(user)), F("Input.Password", Password)]);
        return client;
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session_on_the_server_and_the_sign_in_page_says_why()
    {
        var (worker, client) = await SignedInAsync();

        Factory.Clock.Advance(TimeSpan.FromMinutes(32));
        var after = await client.GetAsync("/MyWork", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var signIn = after.Headers.Location!.OriginalString;
        Assert.Contains("ended=idle", signIn, StringComparison.Ordinal);
        Assert.Contains("nothing was done for 30 minutes", await PageAsync(AnonymousClient(), signIn), StringComparison.Ordinal);
        Assert.Equal(SessionEnd.Idle, await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == worker).Select(s => s.EndReason).SingleAsync()));

        // Coming back with the same cookie does not revive it.
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Using_the_service_keeps_the_session_and_stay_signed_in_counts_as_use()
    {
        var (_, client) = await SignedInAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(25));
        var kept = await PressAsync(client, "/MyWork", "Stay signed in");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(25));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Ten_hours_after_sign_in_the_session_ends_however_busy()
    {
        var (worker, client) = await SignedInAsync();
        for (var i = 0; i < 20; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        }

        // 9 hours 40 minutes in, and 21 minutes since the last request: the lifetime ends it, not idleness.
        Factory.Clock.Advance(TimeSpan.FromMinutes(21));
        var after = await client.GetAsync("/MyWork", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("ended=lifetime", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SessionEnd.Lifetime, await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == worker).Select(s => s.EndReason).SingleAsync()));
    }

    [Fact]
    public async Task A_user_sees_their_sessions_and_ends_one_elsewhere()
    {
        var (worker, laptop) = await SignedInAsync();
        var phone = await AlsoSignedInAsync(worker);

        var page = await PageAsync(laptop, "/Account");
        Assert.Contains("Edge on Windows", page, StringComparison.Ordinal);
        Assert.Contains("This browser", page, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<tr class=\"govuk-table__row\">").Count - 1);

        var ended = await PressAsync(laptop, "/Account", "End");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(SessionEnd.EndedByUser, await WithDbAsync(db => db.SignInSessions.Where(s => s.EndedAtUtc != null).Select(s => s.EndReason).SingleAsync()));
    }

    [Fact]
    public async Task A_user_cannot_end_someone_elses_session()
    {
        var (_, mine) = await SignedInAsync();
        var (other, theirs) = await SignedInAsync("Alex Rowe");
        var theirSession = await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == other).Select(s => s.Id).SingleAsync());
        var token = Token(await PageAsync(mine, "/Account"));

        await mine.PostAsync($"/Account?handler=End&id={theirSession}", new FormUrlEncodedContent([F("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task End_every_session_but_this_one()
    {
        var (worker, laptop) = await SignedInAsync();
        var phone = await AlsoSignedInAsync(worker);
        var tablet = await AlsoSignedInAsync(worker);

        await PressAsync(laptop, "/Account", "End every session but this one");

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_signs_a_colleague_out_everywhere_and_it_is_audited()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var (worker, laptop) = await SignedInAsync();
        var phone = await AlsoSignedInAsync(worker);

        var response = await PressAsync(ClientFor(admin), $"/Admin/Users/Edit/{worker}", "Sign them out everywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.All(await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == worker).Select(s => s.EndReason).ToListAsync()),
            reason => Assert.Equal(SessionEnd.EndedByAdministrator, reason));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains(nameof(EndUserSessions)))));
    }

    [Fact]
    public async Task Changing_a_colleagues_roles_ends_their_sessions_but_renaming_them_does_not()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var (worker, client) = await SignedInAsync();
        var edit = $"/Admin/Users/Edit/{worker}";

        var renamed = await PostFormAsync(ClientFor(admin), edit, [F("Input.DisplayName", "Samuel Worker"), F("Input.Roles", Roles.SocialWorker)]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);

        var changed = await PostFormAsync(ClientFor(admin), edit, [F("Input.DisplayName", "Samuel Worker"), F("Input.Roles", Roles.TeamManager)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(SessionEnd.RolesChanged, await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == worker).Select(s => s.EndReason).SingleAsync()));
    }
}
