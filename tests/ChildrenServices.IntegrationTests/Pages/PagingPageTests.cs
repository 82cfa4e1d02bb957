using static ChildrenServices.IntegrationTests.Pages.PageHelpers;
using System.Net;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>
/// Paged lists open without an error (a query value named "page" collides with the Razor Pages route value of
/// that name) and say only as many found as can be reached through GOV.UK pagination.
/// </summary>
public sealed partial class PagingPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Theory]
    [InlineData(Roles.FrontDoorPractitioner)]
    [InlineData(Roles.FamilyKeyworker)]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.ReviewingOfficer)]
    public async Task SearchPage_EachRole_OpensWithoutAnError(string role)
    {
        var user = await CreateUserAsync(role, "Alex Morgan");

        var response = await ClientFor(user).GetAsync("/People/Search");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", html, StringComparison.Ordinal);
        Assert.Equal("Find a child or adult – Children's services", Title(html));
    }

    [Fact]
    public async Task FrontDoorAndCaseNotes_Open_WithoutErrorInTheTitle()
    {
        var (_, child) = await ContactAboutNewChildAsync();
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await CreateTeamAsync(AssessmentManager, "Assessment team 2", worker);
        await AllocateAsync(AssessmentManager, child, worker);
        await SendAsUserAsync(worker, new RecordCaseNote.Command
        {
            PersonId = child, Type = CaseNoteType.Visit, OccurredOn = Today.AddDays(-1), OccurredAt = "14:30", Title = "Home visit",
            Text = "Riley was seen in her bedroom.", WhoWasSeen = "Riley", ChildSeen = true,
        });

        var frontDoor = await ClientFor(Practitioner).GetAsync("/FrontDoor");
        var notes = await ClientFor(worker).GetAsync($"/People/{child}/Notes");

        Assert.Equal(HttpStatusCode.OK, frontDoor.StatusCode);
        Assert.Equal("Front door – Children's services", Title(await frontDoor.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.DoesNotContain("Error:", Title(await notes.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_MoreThanAPage_LinksToTheNextPageWhichShowsTheRest()
    {
        await PagerChildrenAsync(28);
        var client = ClientFor(Practitioner);

        var (first, url) = await SearchAsync(client, F("Input.Name", "pager"));
        var next = NextLink(first);
        var second = await client.GetAsync(next);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Contains("28 people found", first, StringComparison.Ordinal);
        Assert.Equal(25, Regex.Count(first, ">Child\\d\\d Pager"));
        Assert.Contains("p=2", next, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pager", url + next, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, Regex.Count(secondHtml, ">Child\\d\\d Pager"));
        Assert.Contains("Child27 Pager", secondHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactPeopleSearch_28Found_ShowsPaginationToTheLast3()
    {
        var (contact, _) = await ContactAboutNewChildAsync();
        await PagerChildrenAsync(28);
        var client = ClientFor(Practitioner);

        var first = await SearchByNameAsync(client, $"/FrontDoor/Contacts/{contact}/People", "pager");
        var next = NextLink(first);
        var second = await client.GetAsync(next);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Contains("28 people found", first, StringComparison.Ordinal);
        Assert.Equal(25, Regex.Count(first, ">Child\\d\\d Pager"));
        Assert.Contains("govuk-pagination", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, Regex.Count(secondHtml, ">Child\\d\\d Pager"));
        Assert.Contains("Child27 Pager", secondHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRelationshipSearch_MoreThanAPage_ShowsPagination()
    {
        var (_, child) = await ContactAboutNewChildAsync();
        await PagerChildrenAsync(28);
        var client = ClientFor(Practitioner);

        var first = await SearchByNameAsync(client, $"/People/{child}/Relationships/Add", "pager");
        var second = await client.GetAsync(NextLink(first));
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Choose Child27 Pager", secondHtml, StringComparison.Ordinal);
    }

    /// <summary>A page's own name search, as a browser sends it: posted, then the redirect followed; no name in the address.</summary>
    private static async Task<string> SearchByNameAsync(HttpClient client, string pageUrl, string name)
    {
        var posted = await PressAsync(client, pageUrl, "Search", [F("Q", name)]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var url = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain(name, url, StringComparison.OrdinalIgnoreCase);
        return await PageAsync(client, url);
    }

    private Task PagerChildrenAsync(int count) =>
        WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.People.Add(Person.Create(PersonType.Child, $"Child{i:D2}", "Pager", new PersonDetails(
                    new DateOnly(2014, 1, 1).AddDays(i), null, null, Sex.Unknown, null, null, null, false, null, null, null)));
            }

            await db.SaveChangesAsync();
        });

    private static string Title(string html) => WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value.Trim());

    private static string NextLink(string html)
    {
        var match = NextPattern().Match(html);
        Assert.True(match.Success, "There is no link to the next page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<a class=\"govuk-link govuk-pagination__link\" href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPattern();
}
