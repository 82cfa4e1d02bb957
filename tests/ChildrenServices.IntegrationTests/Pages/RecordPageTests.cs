using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>The child's record pages: the identity bar and sub navigation, and recording a child whose date of birth is not known.</summary>
public sealed class RecordPageTests(AppFactory factory) : IntegrationTest(factory)
{
    private static List<KeyValuePair<string, string>> ChildWithoutADate(params KeyValuePair<string, string>[] more) =>
    [
        F("Input.Type", "Child"), F("Input.GivenNames", "Kit"), F("Input.FamilyName", "Arden"),
        F("Input.Sex", "Male"), .. more,
    ];

    [Fact]
    public async Task CreatePage_NoDateNoAgeNoReason_Returns400WithTheErrorBesideTheDateAndKeepsInput()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");

        var response = await PostFormAsync(ClientFor(worker), "/People/Create", ChildWithoutADate());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#Input_DateOfBirth\">Enter the date of birth, the expected date of birth for an unborn child, or why the date of birth is not known</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kit\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Arden\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePage_AnAgeWithoutAReason_AsksForTheReasonAndKeepsTheAge()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");

        var response = await PostFormAsync(ClientFor(worker), "/People/Create", ChildWithoutADate(F("Input.ApproximateAge", "7")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter why the date of birth is not known", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.ApproximateAge\" type=\"text\" value=\"7\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePage_AnAgeInWords_Returns400AskingForAValidAgeAndKeepsTheReason()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");

        var response = await PostFormAsync(ClientFor(worker), "/People/Create",
            ChildWithoutADate(F("Input.ApproximateAge", "seven"), F("Input.DateOfBirthNotKnownReason", "Police gave an age only")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#Input_ApproximateAge\">Approximate age must be a whole number, like 5</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Police gave an age only\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePage_AnApproximateAgeAndAReason_SavesAndTheRecordCarriesTheFlag()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var client = ClientFor(worker);

        var saved = await PostFormAsync(client, "/People/Create",
            ChildWithoutADate(F("Input.ApproximateAge", "7"), F("Input.DateOfBirthNotKnownReason", "Police gave an age only")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await WithDbAsync(db => db.People.Select(p => p.Id).SingleAsync());
        var html = await client.GetStringAsync($"/People/{id}");
        Assert.Contains("Age about 7, date of birth not known", html, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--yellow\">Date of birth not known", html, StringComparison.Ordinal);
        Assert.Contains("Not known because: Police gave an age only", html, StringComparison.Ordinal);

        var edit = await client.GetStringAsync($"/People/{id}/Edit");
        Assert.Contains("name=\"Input.DateOfBirthNotKnownReason\" type=\"text\" value=\"Police gave an age only\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordPage_SubNavigation_ReachesEverySection_AndEachAnswers()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Mo Adeyemi");
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var child = await CreateChildAsync(worker);
        var client = ClientFor(manager);

        var html = await client.GetStringAsync($"/People/{child}");

        string[] sections = ["", "/Family", "/Chronology", "/Notes", "/Plans", "/Visits", "/Contacts", "/Allocations", "/Viewers"];
        foreach (var section in sections)
        {
            Assert.Contains($"class=\"moj-sub-navigation__link\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/People/{child}{section}\"", html, StringComparison.Ordinal);
            var page = await client.GetAsync($"/People/{child}{section}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Contains("moj-identity-bar", html, StringComparison.Ordinal);
        Assert.Contains("Nothing open", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/People/{child}/Viewers\"", await ClientFor(worker).GetStringAsync($"/People/{child}"), StringComparison.Ordinal);
    }
}
