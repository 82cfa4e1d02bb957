using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Users;

/// <summary>
/// A social worker's Social Work England registration number, which the SSDA903 social worker episodes return as SW_ID
/// (rule SW02STG1: it begins "SW"): set by the administrator, one account per number.
/// </summary>
public sealed class RegistrationNumberTests(AppFactory factory) : IntegrationTest(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RuleSW02_TheAdministratorSetsTheNumber_OnTheAccountPage_AndABadOrTakenOneIsRefusedBesideTheField()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var colleague = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        var client = ClientFor(admin);
        var url = $"/Admin/Users/Edit/{worker}";
        var fields = new[] { F("Input.DisplayName", "Grace Okafor-Lyle"), F("Input.Roles", Roles.SocialWorker) };

        var bad = await PostFormAsync(client, url, [.. fields, F("Input.RegistrationNumber", "12345")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_RegistrationNumber-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter the Social Work England registration number as SW followed by its digits", page, StringComparison.Ordinal);
        Assert.Contains("value=\"12345\"", page, StringComparison.Ordinal);

        var good = await PostFormAsync(client, url, [.. fields, F("Input.RegistrationNumber", " sw 12345 ")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("SW12345", await WithDbAsync(db => db.Staff.Where(s => s.Id == worker).Select(s => s.RegistrationNumber).SingleAsync(Ct)));
        Assert.Contains("value=\"SW12345\"", await PageAsync(client, url), StringComparison.Ordinal);

        var taken = await PostFormAsync(client, $"/Admin/Users/Edit/{colleague}", [F("Input.DisplayName", "Lewis Dawes"), F("Input.Roles", Roles.SocialWorker), F("Input.RegistrationNumber", "SW12345")]);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Another colleague&#x27;s account has this registration number", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(db => db.Staff.Where(s => s.Id == colleague).Select(s => s.RegistrationNumber).SingleAsync(Ct)));

        var cleared = await PostFormAsync(client, url, [.. fields, F("Input.RegistrationNumber", "")]);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await WithDbAsync(db => db.Staff.Where(s => s.Id == worker).Select(s => s.RegistrationNumber).SingleAsync(Ct)));
    }
}
