using System.Net;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15: a search's names, dates of birth and NHS numbers never appear in a URL, and who was listed to whom is audited.</summary>
public sealed class SearchPrivacyTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_search_posts_and_its_results_address_holds_no_name_date_or_nhs_number()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        await CreateChildAsync(worker, "Kit", "Fenwright", new DateOnly(2018, 3, 9), "9434765919");
        var client = ClientFor(worker);

        var (byName, nameUrl) = await SearchAsync(client, F("Input.Name", "Fenwright"));
        var (byNumber, numberUrl) = await SearchAsync(client, F("Input.Identifier", "9434765919"));
        var (byDate, dateUrl) = await SearchAsync(client, F("Input.DateOfBirth.Day", "9"), F("Input.DateOfBirth.Month", "3"), F("Input.DateOfBirth.Year", "2018"));

        Assert.All(new[] { byName, byNumber, byDate }, html => Assert.Contains("1 person found", html, StringComparison.Ordinal));
        Assert.All(new[] { nameUrl, numberUrl, dateUrl }, url =>
        {
            Assert.DoesNotContain("Fenwright", url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("9434765919", url, StringComparison.Ordinal);
            Assert.DoesNotContain("2018", url, StringComparison.Ordinal);
        });

        // The old address form no longer searches at all.
        var old = await client.GetStringAsync("/People/Search?Input.Name=Fenwright", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("person found", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_searches_nothing()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var html = await PageAsync(ClientFor(worker), "/People/Search?q=CfDJ8notarealtoken");

        Assert.Contains("That search has expired", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_search_says_what_to_enter()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var response = await PostFormAsync(ClientFor(worker), "/People/Search", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a name, a date of birth, or an NHS number", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_person_listed_in_search_results_is_audited_against_who_saw_them()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var first = await CreateChildAsync(worker, "Kit", "Fenwright");
        var second = await CreateChildAsync(worker, "Jo", "Fenwright");

        await SearchAsync(ClientFor(worker), F("Input.Name", "Fenwright"));

        var rows = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == nameof(SearchPeople)).Select(a => new { a.UserId, a.PersonId }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(worker, r.UserId));
        Assert.Equal(new[] { first, second }.Order(), rows.Select(r => r.PersonId!.Value).Order());
    }
}
