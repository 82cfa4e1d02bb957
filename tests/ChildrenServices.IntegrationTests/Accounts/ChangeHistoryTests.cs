using System.Text.Json;
using ChildrenServices.Application;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.Users;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15: every change to users, roles, teams, settings and timescales is audited with before and after.</summary>
public sealed class ChangeHistoryTests(AppFactory factory) : IntegrationTest(factory)
{
    private Task<List<AuditedChange>> ChangesOfAsync(string action) => WithDbAsync(async db =>
    {
        var json = await db.AuditEntries.Where(a => a.Action == action).OrderByDescending(a => a.OccurredAtUtc).Select(a => a.Changes).FirstAsync();
        return JsonSerializer.Deserialize<List<AuditedChange>>(json!)!;
    });

    [Fact]
    public async Task A_colleagues_rename_and_new_role_are_kept_before_and_after_with_no_secret()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await PostFormAsync(ClientFor(admin), $"/Admin/Users/Edit/{worker}", [F("Input.DisplayName", "Samuel Worker"), F("Input.Roles", Roles.TeamManager)]);

        var changes = await ChangesOfAsync(nameof(ChangeUserAccess));
        var staff = Assert.Single(changes, c => c.Record == "Colleague");
        Assert.Equal(["Sam Worker", "Samuel Worker"], staff.Values["DisplayName"]);
        Assert.Contains(changes, c => c.Record == "User role" && c.Change == "added" && c.Values["Role"][1] == Roles.TeamManager);
        Assert.Contains(changes, c => c.Record == "User role" && c.Change == "removed" && c.Values["Role"][0] == Roles.SocialWorker);
        Assert.DoesNotContain(changes, c => c.Values.ContainsKey("PasswordHash") || c.Values.ContainsKey("SecurityStamp"));
    }

    [Fact]
    public async Task A_temporary_password_is_recorded_as_changed_without_its_hash()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await SendAsUserAsync(admin, new SetTemporaryPassword.Command { UserId = worker, Password = "amber kettle orchard lane" });

        var json = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == nameof(SetTemporaryPassword)).Select(a => a.Changes).SingleAsync());
        Assert.Contains("MustChangePassword", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
        Assert.DoesNotContain("amber kettle", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_settings_keep_each_value_before_and_after_and_the_history_page_shows_them()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Ada Admin");
        await SendAsUserAsync(admin, new Application.Returns.SaveReturnSettings.Command { LaNumber = "999", OnsCode = "E06999999", SoftwareName = "ChildrenServices" });
        var version = await WithDbAsync(db => db.ReturnSettings.Select(r => r.Version).SingleAsync());
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        await SendAsUserAsync(admin, new Application.Returns.SaveReturnSettings.Command { Version = version, LaNumber = "998", OnsCode = "E06999999", SoftwareName = "ChildrenServices" });

        var changes = await ChangesOfAsync("SaveReturnSettings");
        Assert.Equal(["999", "998"], Assert.Single(changes).Values["LaNumber"]);
        var history = await PageAsync(ClientFor(admin), "/Admin/Changes");
        Assert.Contains("by Ada Admin", history, StringComparison.Ordinal);
        Assert.Contains("LaNumber", history, StringComparison.Ordinal);
        Assert.Contains("998", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Casework_keeps_no_before_and_after()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await CreateChildAsync(worker);

        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Changes != null)));
    }
}
