using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15, passwords: what a password may be, temporary passwords, and changing one's own.</summary>
public sealed class PasswordTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Temporary = "amber kettle orchard lane";
    private const string Chosen = "violet harbour tram ticket";

    private CreateUser.Command NewColleague(string password, string name = "Priya Lakeland", string email = "p.lakeland@example.gov.uk") => new()
    {
        DisplayName = name, Email = email, JobTitle = "Social worker", Roles = [Roles.SocialWorker], Password = password,
    };

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("PASSWORDPASSWORD")]
    [InlineData("sunshine2026!!")]
    [InlineData("123456789012")]
    public async Task A_common_or_breached_password_is_refused(string password)
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, NewColleague(password)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Password", error.PropertyName);
        Assert.Contains("data breaches", error.ErrorMessage, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Staff.AnyAsync(s => s.Email == "p.lakeland@example.gov.uk")));
    }

    [Theory]
    [InlineData("lakeland riverside walk")]
    [InlineData("PRIYA and the tall ships")]
    [InlineData("p.lakeland has a garden")]
    public async Task A_password_containing_the_name_or_email_is_refused(string password)
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, NewColleague(password)));

        Assert.Equal("The password must not contain your name or email address", Assert.Single(refused.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Twelve_characters_with_no_composition_rules_is_enough()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var id = await SendAsUserAsync(admin, NewColleague("plain lowercase words"));

        Assert.True(await WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id)));
    }

    [Fact]
    public async Task An_administrators_password_is_temporary_and_the_first_sign_in_must_change_it()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        await SendAsUserAsync(admin, NewColleague(Temporary));
        var client = AnonymousClient();

        var signedIn = await PostFormAsync(client, "/Account/SignIn", [F("Input.Email", "p.lakeland@example.gov.uk"), F("Input.Password", Temporary)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Every page sends them to choose a password; a form posted elsewhere is refused.
        var elsewhere = await client.GetAsync("/MyWork", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/Account/ChangePassword", elsewhere.Headers.Location?.OriginalString);
        var page = await PageAsync(client, "/Account/ChangePassword");
        Assert.Contains("Choose your own password", page, StringComparison.Ordinal);
        var draft = await client.PostAsync("/People/Create", new FormUrlEncodedContent([F("__RequestVerificationToken", Token(page))]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);

        // A breached new password is refused next to its field, and nothing typed comes back.
        var weak = await PostFormAsync(client, "/Account/ChangePassword",
            [F("Input.CurrentPassword", Temporary), F("Input.NewPassword", "password1234"), F("Input.ConfirmPassword", "password1234")]);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakHtml = await weak.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data breaches", weakHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Temporary, weakHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("password1234", weakHtml, StringComparison.Ordinal);

        var changed = await PostFormAsync(client, "/Account/ChangePassword",
            [F("Input.CurrentPassword", Temporary), F("Input.NewPassword", Chosen), F("Input.ConfirmPassword", Chosen)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "p.lakeland@example.gov.uk" && u.MustChangePassword)));

        // The temporary password no longer works; the chosen one does.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", "p.lakeland@example.gov.uk"), F("Input.Password", Temporary)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", "p.lakeland@example.gov.uk"), F("Input.Password", Chosen)])).StatusCode);
    }

    [Fact]
    public async Task A_temporary_password_expires()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        await SendAsUserAsync(admin, NewColleague(Temporary));

        Factory.Clock.Advance(TimeSpan.FromHours(73));
        var response = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", "p.lakeland@example.gov.uk"), F("Input.Password", Temporary)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your temporary password has expired", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sets_a_temporary_password_the_colleague_is_signed_out_and_a_lockout_lifted()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        var laptop = AnonymousClient();
        await PostFormAsync(laptop, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        for (var i = 0; i < 10; i++)
        {
            await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", email), F("Input.Password", "wrong password " + i)]);
        }

        var locked = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        Assert.Contains("Too many failed attempts", await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var adminClient = ClientFor(admin);
        var set = await PostFormAsync(adminClient, $"/Admin/Users/Password/{worker}", [F("Input.Password", Temporary)]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(SessionEnd.PasswordChanged, await WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == worker).Select(s => s.EndReason).SingleAsync()));
        var again = AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostFormAsync(again, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Temporary)])).StatusCode);
        Assert.Equal("/Account/ChangePassword", (await again.GetAsync("/", TestContext.Current.CancellationToken)).Headers.Location?.OriginalString);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains(nameof(SetTemporaryPassword)))));
    }

    [Fact]
    public async Task A_refused_temporary_password_leaves_the_old_one_working()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var page = await PostFormAsync(ClientFor(admin), $"/Admin/Users/Password/{worker}", [F("Input.Password", "password1234")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("data breaches", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", Password)])).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one_and_ends_the_other_sessions_only()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);
        var laptop = AnonymousClient();
        var phone = AnonymousClient();
        await PostFormAsync(laptop, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);
        await PostFormAsync(phone, "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);

        var wrong = await PostFormAsync(laptop, "/Account/ChangePassword",
            [F("Input.CurrentPassword", "not my password at all"), F("Input.NewPassword", Chosen), F("Input.ConfirmPassword", Chosen)]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Your current password is wrong", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var mismatch = await PostFormAsync(laptop, "/Account/ChangePassword",
            [F("Input.CurrentPassword", Password), F("Input.NewPassword", Chosen), F("Input.ConfirmPassword", Chosen + "x")]);
        Assert.Contains("The passwords do not match", await mismatch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);

        var changed = await PostFormAsync(laptop, "/Account/ChangePassword",
            [F("Input.CurrentPassword", Password), F("Input.NewPassword", Chosen), F("Input.ConfirmPassword", Chosen)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/MyWork", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_never_sends_a_typed_password_back()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var response = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", "my secret guess 42")]);

        Assert.DoesNotContain("my secret guess 42", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var known = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", await EmailOfAsync(worker)), F("Input.Password", "wrong password here")]);
        var unknown = await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", "nobody@example.gov.uk"), F("Input.Password", "wrong password here")]);

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(ErrorsOf(await known.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            ErrorsOf(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void The_breached_list_is_the_packages_and_catches_padding()
    {
        var list = new BreachedPasswords(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ChildrenServices.Web", "Security", "breached-passwords.json"));

        Assert.True(list.Count > 40_000);
        Assert.True(list.Contains("Dragon2026!"));
        Assert.True(list.Contains("123monkey123"));
        Assert.False(list.Contains("violet harbour tram ticket"));
    }

    private static string ErrorsOf(string html) =>
        string.Join("|", System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"#[^\"]+\">([^<]+)</a>").Select(m => m.Groups[1].Value));
}
