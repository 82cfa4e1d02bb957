using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15: an administrator cannot give themselves case access silently.</summary>
public sealed class AdministratorTests(AppFactory factory) : IntegrationTest(factory)
{
    private async Task<ChangeUserAccess.Command> OwnAccountAsync(Guid admin, string role, string? password) => new()
    {
        UserId = admin,
        Version = await WithDbAsync(db => db.Staff.Where(s => s.Id == admin).Select(s => s.Version).SingleAsync()),
        DisplayName = "Ada Admin",
        Roles = [Roles.Administrator, role],
        YourPassword = password,
    };

    [Fact]
    public async Task Changing_ones_own_roles_needs_ones_password()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");

        var withoutPassword = await OwnAccountAsync(admin, Roles.SocialWorker, null);
        var withWrongPassword = withoutPassword with { YourPassword = "not my password" };

        var none = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, withoutPassword));
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(admin, withWrongPassword));

        Assert.Equal("Enter your password to change your own roles", Assert.Single(none.Errors).ErrorMessage);
        Assert.Equal("Your password is wrong", Assert.Single(wrong.Errors).ErrorMessage);
        Assert.False(await WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == admin && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.SocialWorker))));
    }

    [Fact]
    public async Task With_the_password_it_is_done_and_every_other_administrator_is_alerted()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var colleague = await CreateUserAsync(Roles.Administrator, "Bo Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await SendAsUserAsync(admin, await OwnAccountAsync(admin, Roles.SocialWorker, Password));

        var alerts = await WithDbAsync(db => db.Notifications.Select(n => new { n.RecipientId, n.Text, n.Urgent }).ToListAsync());
        var alert = Assert.Single(alerts);
        Assert.Equal(colleague, alert.RecipientId);
        Assert.True(alert.Urgent);
        Assert.Contains("Ada Admin changed their own roles", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(alerts, a => a.RecipientId == worker);
    }

    [Fact]
    public async Task Renaming_oneself_needs_no_password_and_alerts_no_one()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        await CreateUserAsync(Roles.Administrator, "Bo Admin");
        var command = await OwnAccountAsync(admin, Roles.Administrator, null) with { Roles = [Roles.Administrator], DisplayName = "Ada Administrator" };

        await SendAsUserAsync(admin, command);

        Assert.False(await WithDbAsync(db => db.Notifications.AnyAsync()));
    }

    [Fact]
    public async Task The_edit_page_asks_for_the_password_on_ones_own_account_only()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var own = await PageAsync(ClientFor(admin), $"/Admin/Users/Edit/{admin}");
        var other = await PageAsync(ClientFor(admin), $"/Admin/Users/Edit/{worker}");
        var refused = await PostFormAsync(ClientFor(admin), $"/Admin/Users/Edit/{admin}",
            [F("Input.DisplayName", "Ada Admin"), F("Input.Roles", Roles.Administrator), F("Input.Roles", Roles.SocialWorker)]);

        Assert.Contains("Input.YourPassword", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.YourPassword", other, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Enter your password to change your own roles", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
