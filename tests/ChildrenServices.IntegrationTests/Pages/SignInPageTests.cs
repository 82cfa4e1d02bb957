using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>Real cookie sign-in through the GOV.UK sign-in page.</summary>
public sealed class SignInPageTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsToTheRolesHomePage()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Morgan Hale");
        var client = AnonymousClient();

        var response = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(manager)), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var home = await client.GetAsync("/");
        Assert.Equal("/Team", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndKeepsEmail()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var email = await EmailOfAsync(worker);

        var response = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", email), F("Input.Password", "not the password at all")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TenFailuresFromAClientTheAccountNeverUsed_LockItOutEvenForTheRightPassword()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var email = await EmailOfAsync(worker);
        var client = AnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", "wrong password " + i)]);
        }

        var response = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Too many failed attempts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledUser_LosesAccessOnTheirNextRequest()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var client = AnonymousClient();
        await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork")).StatusCode);

        await SendAsUserAsync(admin, new SetUserDisabled.Command(worker, Disabled: true));

        // Cookie validation is timed by the app's clock, which the tests hold still.
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var after = await client.GetAsync("/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var again = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopiedCookieIsRefused()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var client = AnonymousClient();
        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-childrenservices.auth=", StringComparison.Ordinal));
        var copy = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppFactory.BaseAddress });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/MyWork")).StatusCode);

        var signedOut = await PressAsync(client, "/MyWork", "Sign out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var after = await copy.GetAsync("/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotNull(await WithDbAsync(db => db.SignInSessions.Select(s => s.EndedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task SignOut_EndsOnlyThatSession_AnotherSignInOfTheSameUserKeepsWorking()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Alex Rowe");
        var laptop = AnonymousClient();
        var phone = AnonymousClient();
        await PostFormAsync(laptop, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);
        await PostFormAsync(phone, "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)]);

        await PressAsync(laptop, "/MyWork", "Sign out");

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/MyWork")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/MyWork")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_SignedInPage_RedirectsToSignIn()
    {
        var response = await AnonymousClient().GetAsync("/MyWork");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await AnonymousClient().PostAsync("/Account/SignIn", new FormUrlEncodedContent([F("Input.Email", "a@b.example"), F("Input.Password", "whatever whatever")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
