using ChildrenServices.Domain.People;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

public sealed class Journeys(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Practitioner_FindsAChildAndOpensTheRecord()
    {
        var (childId, given, family) = await AnyChildAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, "socialworker@demo.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "search page");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(family.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await AssertAccessibleAsync(page, "search results");

        await page.Locator($"a[href='/People/{childId}']").First.ClickAsync();

        Assert.Equal($"/People/{childId}", new Uri(page.Url).AbsolutePath);
        Assert.Contains($"{given} {family}", await page.Locator(".app-identity-bar").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "child record");

        await page.GetByRole(AriaRole.Link, new() { Name = "Family and network" }).ClickAsync();
        Assert.Equal("Family and network", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(page, "family view");
    }

    [Fact]
    public async Task Practitioner_RecordsAChildWithMistakes_SeesErrorsAndKeepsInput()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "frontdoor@demo.example", "/People/Create");
        await AssertAccessibleAsync(page, "record a child");

        await page.GetByLabel("Given names").FillAsync("Brannoch");
        await page.Locator("#Input_DateOfBirth").FillAsync("31");
        await page.Locator("#Input_DateOfBirth_Month").FillAsync("2");
        await page.Locator("#Input_DateOfBirth_Year").FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The messages and the kept input are checked over HTTP
        // (PersonPageTests.CreatePage_MissingNameAndImpossibleDate_Returns400WithErrorsBesideFieldsAndKeepsInput).
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await AssertAccessibleAsync(page, "record a child with errors");
    }

    [Fact]
    public async Task Manager_OpensTeamViewAndWhoHasViewed()
    {
        var (childId, _, _) = await AnyChildAsync();
        var page = await host.NewPageAsync();
        await SignInAsync(page, "manager@demo.example", $"/People/{childId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Who has viewed" }).ClickAsync();

        Assert.Contains("Sam Patel", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "who has viewed");
        await page.GotoAsync($"/People/{childId}/Allocate");
        await AssertAccessibleAsync(page, "allocate");
        await page.GotoAsync($"/People/{childId}/Restrict");
        await AssertAccessibleAsync(page, "restrict");
    }

    [Fact]
    public async Task Administrator_OpensUserAndTeamForms()
    {
        var page = await host.NewPageAsync();
        await SignInAsync(page, "admin@demo.example", "/Admin/Users/Create");
        await AssertAccessibleAsync(page, "add a user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        // Which messages, and where: JourneyOutcomePageTests.CreateUserPage_NothingEntered_Returns400WithTheNameErrorLinkedToItsFieldAndCreatesNoAccount.
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await AssertAccessibleAsync(page, "add a user with errors");
        await page.GotoAsync("/Admin/Teams");
        await AssertAccessibleAsync(page, "teams");
        await page.GotoAsync("/Admin/Teams/Edit");
        await AssertAccessibleAsync(page, "add a team");
    }

    private async Task<(Guid Id, string Given, string Family)> AnyChildAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var child = await db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null)
            .OrderBy(p => p.FamilyName).Select(p => new { p.Id, p.GivenNames, p.FamilyName }).FirstAsync();
        return (child.Id, child.GivenNames, child.FamilyName);
    }
}
