using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Users;

public sealed class UserAccountTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task SetUserDisabled_Disabling_EndsSessionsAndStopsSignIn()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var (stampBefore, sessionBefore) = await SignInStateAsync(worker, principalFromBefore: null);
        Assert.True(sessionBefore.CanSignIn);
        Assert.True(sessionBefore.SessionValid);

        // The principal a cookie issued before the change carries, with the old security stamp.
        var oldSession = await WithScopeAsync(sp => PrincipalForAsync(sp, worker));
        await SendAsUserAsync(admin, new SetUserDisabled.Command(worker, Disabled: true));

        var (stampAfter, sessionAfter) = await SignInStateAsync(worker, oldSession);
        Assert.NotEqual(stampBefore, stampAfter);
        Assert.False(sessionAfter.CanSignIn);
        Assert.False(sessionAfter.SessionValid);
        Assert.True(await WithDbAsync(db => db.Staff.AnyAsync(s => s.Id == worker && s.IsDisabled)));
    }

    [Fact]
    public async Task SetUserDisabled_Enabling_AllowsSignInAgain()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        await SendAsUserAsync(admin, new SetUserDisabled.Command(worker, Disabled: true));

        await SendAsUserAsync(admin, new SetUserDisabled.Command(worker, Disabled: false));

        Assert.True((await SignInStateAsync(worker, principalFromBefore: null)).State.CanSignIn);
    }

    [Fact]
    public async Task SetUserDisabled_OwnAccount_Refused()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, new SetUserDisabled.Command(admin, Disabled: true)));

        Assert.Equal("UserId", Assert.Single(ex.Errors).PropertyName);
        Assert.False(await WithDbAsync(db => db.Staff.AnyAsync(s => s.IsDisabled)));
    }

    [Fact]
    public async Task SetUserDisabled_UserSignedInWithCookie_NextRequestIsSentToSignIn()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        using var browser = AnonymousClient();
        var signIn = await browser.GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        var token = Regex.Match(await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = await EmailOfAsync(worker),
            ["Input.Password"] = Password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/NoAccess", TestContext.Current.CancellationToken)).StatusCode);

        await SendAsUserAsync(admin, new SetUserDisabled.Command(worker, Disabled: true));

        // The stamp is checked once any time has passed since the cookie was issued; a frozen clock would never check it.
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await browser.GetAsync("/Account/NoAccess", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var location = after.Headers.Location!;
        Assert.StartsWith("/Account/SignIn", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_PasswordOfElevenCharacters_RefusedWithPasswordError()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, NewUser("abcdefghijk")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Password", error.PropertyName);
        Assert.Equal("The password must be at least 12 characters", error.ErrorMessage);
        Assert.Equal(1, await WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.Staff.CountAsync()));
    }

    [Fact]
    public async Task CreateUser_TwelveLettersNoDigitsOrSymbols_CreatesAccountThatCanSignIn()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var id = await SendAsUserAsync(admin, NewUser("abcdefghijkl"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "abcdefghijkl"));
        Assert.Equal([Roles.SocialWorker], await users.GetRolesAsync(user));
        Assert.Equal("Nia New", (await WithDbAsync(db => db.Staff.SingleAsync(s => s.Id == id))).DisplayName);
    }

    [Fact]
    public async Task CreateUser_EmailAlreadyUsed_Refused()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        await SendAsUserAsync(admin, NewUser("abcdefghijkl"));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, NewUser("mnopqrstuvwx")));

        Assert.Equal("Email", Assert.Single(ex.Errors).PropertyName);
    }

    [Fact]
    public async Task CreateUser_SocialWorker_Forbidden()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(worker, NewUser("abcdefghijkl")));
    }

    private static CreateUser.Command NewUser(string password) => new()
    {
        DisplayName = "Nia New",
        Email = "nia.new@example.gov.uk",
        JobTitle = "Social worker",
        Roles = [Roles.SocialWorker],
        Password = password,
    };

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<(string? Stamp, (bool CanSignIn, bool SessionValid) State)> SignInStateAsync(Guid userId, System.Security.Claims.ClaimsPrincipal? principalFromBefore) =>
        WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            Assert.IsType<AppSignInManager>(signIn);
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            var principal = principalFromBefore ?? await PrincipalForAsync(sp, userId);

            // What the cookie handler asks on every request (the validation interval is zero).
            var sessionValid = await signIn.ValidateSecurityStampAsync(principal) is not null;
            return (user.SecurityStamp, (await signIn.CanSignInAsync(user), sessionValid));
        });
}
