using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>The app as a council runs it by default: a local account must set up an authenticator app.</summary>
public sealed class MfaAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:RequireMfa", "true");
    }
}

/// <summary>Issue 15, multi-factor: enrolment before first use, codes that work once within one step, recovery codes.</summary>
public sealed class AuthenticatorTests(MfaAppFactory factory) : IntegrationTest(factory), IClassFixture<MfaAppFactory>
{
    private DateTime Now => Factory.Clock.GetUtcNow().UtcDateTime;

    private static string CodeAt(string key, DateTime when) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(when);

    private async Task<(Guid User, string Email, HttpClient Client)> SignedInWithPasswordAsync()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        var client = AnonymousClient();
        var response = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (worker, email, client);
    }

    /// <summary>Reads the key from the set-up page as someone typing it into their app would, and confirms a code.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await PageAsync(client, "/Account/Authenticator/SetUp");
        var key = Regex.Match(page, "<code id=\"authenticator-key\">([A-Z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var done = await PostFormAsync(client, "/Account/Authenticator/SetUp", [F("Code", CodeAt(key, Now))]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = Regex.Matches(await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "<li><code>([A-Z0-9-]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    private async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email)
    {
        var response = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignInCode", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return response;
    }

    [Fact]
    public async Task A_local_account_must_set_up_an_authenticator_before_anything_else()
    {
        var (_, _, client) = await SignedInWithPasswordAsync();

        var work = await client.GetAsync("/MyWork", TestContext.Current.CancellationToken);
        Assert.Equal("/Account/Authenticator/SetUp", work.Headers.Location?.OriginalString);

        var (_, codes) = await EnrolAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_at_set_up_is_said_next_to_the_field_and_nothing_is_turned_on()
    {
        var (user, _, client) = await SignedInWithPasswordAsync();
        await PageAsync(client, "/Account/Authenticator/SetUp");

        var response = await PostFormAsync(client, "/Account/Authenticator/SetUp", [F("Code", "000000")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That code is wrong or has been used", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_asks_for_the_code_and_each_code_works_once()
    {
        var (_, email, first) = await SignedInWithPasswordAsync();
        var (key, _) = await EnrolAsync(first);

        // The code used to enrol, in the same 30 seconds: already used.
        var client = AnonymousClient();
        await PasswordStepAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        var reused = await PostFormAsync(client, "/Account/SignInCode", [F("Code", CodeAt(key, Now))]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("wrong or has been used", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The next step's code is taken; then the same code again is not, on another sign-in.
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeAt(key, Now);
        var taken = await PostFormAsync(client, "/Account/SignInCode", [F("Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);

        var other = AnonymousClient();
        await PasswordStepAsync(other, email);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(other, "/Account/SignInCode", [F("Code", code)])).StatusCode);
    }

    [Fact]
    public async Task A_code_is_taken_only_within_one_step_either_side_of_now()
    {
        var (_, email, first) = await SignedInWithPasswordAsync();
        var (key, _) = await EnrolAsync(first);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var client = AnonymousClient();
        await PasswordStepAsync(client, email);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(client, "/Account/SignInCode", [F("Code", CodeAt(key, Now.AddSeconds(-60)))])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(client, "/Account/SignInCode", [F("Code", CodeAt(key, Now.AddSeconds(60)))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/SignInCode", [F("Code", CodeAt(key, Now.AddSeconds(-30)))])).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_they_are_kept_hashed()
    {
        var (user, email, first) = await SignedInWithPasswordAsync();
        var (key, codes) = await EnrolAsync(first);

        var stored = await WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user).Select(t => t.Value).ToListAsync());
        Assert.All(codes, c => Assert.DoesNotContain(stored, s => s!.Contains(c, StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, s => s!.Contains(key, StringComparison.Ordinal));

        var client = AnonymousClient();
        await PasswordStepAsync(client, email);
        var signedIn = await PostFormAsync(client, "/Account/SignInCode?recovery=true", [F("Code", codes[3].ToLowerInvariant())], "/Account/SignInCode?recovery=true");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("9 of 10", await PageAsync(client, "/Account/Authenticator"), StringComparison.Ordinal);

        var again = AnonymousClient();
        await PasswordStepAsync(again, email);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostFormAsync(again, "/Account/SignInCode?recovery=true", [F("Code", codes[3])], "/Account/SignInCode?recovery=true")).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var (_, email, first) = await SignedInWithPasswordAsync();
        var (key, _) = await EnrolAsync(first);
        var client = AnonymousClient();
        await PasswordStepAsync(client, email);
        for (var i = 0; i < 5; i++)
        {
            await PostFormAsync(client, "/Account/SignInCode", [F("Code", "00000" + i)]);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var locked = await PostFormAsync(client, "/Account/SignInCode", [F("Code", CodeAt(key, Now))]);

        Assert.Contains("Your account is locked", await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_phone_needs_the_password_and_then_a_new_set_up()
    {
        var (user, _, client) = await SignedInWithPasswordAsync();
        var (oldKey, _) = await EnrolAsync(client);

        var wrong = await PressAsync(client, "/Account/Authenticator", "Set up a different app", [F("Password", "not my password")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await WithDbAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var reset = await PressAsync(client, "/Account/Authenticator", "Set up a different app", [F("Password", Password)]);
        Assert.Equal("/Account/Authenticator/SetUp", reset.Headers.Location?.OriginalString);
        Assert.Equal("/Account/Authenticator/SetUp", (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString);
        var (newKey, _) = await EnrolAsync(client);
        Assert.NotEqual(oldKey, newKey);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password()
    {
        var (_, _, client) = await SignedInWithPasswordAsync();
        await EnrolAsync(client);

        var refused = await PressAsync(client, "/Account/Authenticator", "Make new recovery codes", [F("CodesPassword", "not my password")]);
        var made = await PressAsync(client, "/Account/Authenticator", "Make new recovery codes", [F("CodesPassword", Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("recovery-codes\"", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(10, Regex.Matches(await made.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "<li><code>").Count);
    }

    [Fact]
    public async Task An_administrator_removes_a_lost_authenticator_and_the_colleague_sets_up_a_new_one()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        // The administrator has their own app set up (the council requires one), or they too would be sent to set one up.
        await WithDbAsync(db => db.Users.Where(u => u.Id == admin).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true)));
        var (user, email, client) = await SignedInWithPasswordAsync();
        await EnrolAsync(client);

        var removed = await PressAsync(ClientFor(admin), $"/Admin/Users/Edit/{user}", "Remove their authenticator app");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        var again = AnonymousClient();
        var signedIn = await PostFormAsync(again, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/Account/Authenticator/SetUp", (await again.GetAsync("/MyWork", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == nameof(Application.Users.ResetUserAuthenticator) && a.UserId == admin)));
    }
}
