using System.Net;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

public sealed class PersonPageTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task CreatePage_MissingNameAndImpossibleDate_Returns400WithErrorsBesideFieldsAndKeepsInput()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var client = ClientFor(worker);

        var response = await PostFormAsync(client, "/People/Create",
        [
            F("Input.Type", "Child"), F("Input.GivenNames", "Brannoch"), F("Input.FamilyName", ""),
            F("Input.DateOfBirth.Day", "31"), F("Input.DateOfBirth.Month", "2"), F("Input.DateOfBirth.Year", "2020"),
            F("Input.Sex", "Female"), F("Input.NhsNumber", "943 476 5918"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_FamilyName\">Enter the family name</a>", html, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("Enter a valid NHS number", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Brannoch\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CreatePage_LikelyDuplicate_ShowsTheMatchAndSavesOnlyOnceConfirmed()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var existing = await CreateChildAsync(worker, "Riley", "Johnson", new DateOnly(2018, 5, 14));
        var client = ClientFor(worker);
        var fields = new List<KeyValuePair<string, string>>
        {
            F("Input.Type", "Child"), F("Input.GivenNames", "Riley"), F("Input.FamilyName", "Jonhson"),
            F("Input.DateOfBirth.Day", "14"), F("Input.DateOfBirth.Month", "5"), F("Input.DateOfBirth.Year", "2018"),
            F("Input.Sex", "Female"),
        };

        var warned = await PostFormAsync(client, "/People/Create", fields);
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, warned.StatusCode);
        Assert.Contains("Possible matches", html, StringComparison.Ordinal);
        Assert.Contains($"/People/{existing}", html, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.People.CountAsync()));

        fields.Add(F("Input.ConfirmedNotDuplicate", "true"));
        var saved = await PostFormAsync(client, "/People/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task EditPage_StaleVersion_Returns409NamingWhoChangedItAndKeepsInput()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var colleague = await CreateUserAsync(Roles.FrontDoorPractitioner, "Mercy Okonjo");
        var child = await CreateChildAsync(worker);
        var loaded = await VersionOfAsync(child);

        await SendAsUserAsync(colleague, new UpdatePersonDetails.Command
        {
            PersonId = child, Version = loaded, DateOfBirth = new DateOnly(2018, 5, 14), Sex = Sex.Female, FirstLanguage = "Polish",
        });

        var response = await PostFormAsync(ClientFor(worker), $"/People/{child}/Edit",
        [
            F("Input.Version", loaded.ToString()), F("Input.DateOfBirth.Day", "14"), F("Input.DateOfBirth.Month", "5"), F("Input.DateOfBirth.Year", "2018"),
            F("Input.Sex", "Female"), F("Input.FirstLanguage", "Welsh"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("changed by Mercy Okonjo", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Welsh\"", html, StringComparison.Ordinal);
        Assert.Equal("Polish", await WithDbAsync(db => db.People.Where(p => p.Id == child).Select(p => p.FirstLanguage).SingleAsync()));
    }

    [Fact]
    public async Task RecordPage_View_IsAuditedAndListedForTheManager()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await CreateTeamAsync(manager, "Assessment", worker);
        var child = await CreateChildAsync(manager);

        var view = await ClientFor(worker).GetAsync($"/People/{child}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("Riley Taylor", await view.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.PersonId == child && a.UserId == worker).ToListAsync());
        // One view, one row: the identity bar, personal details and the overview are read together (ADR 0024).
        Assert.Equal([nameof(GetPersonRecord)], audit.Select(a => a.Action));

        var viewers = await ClientFor(manager).GetStringAsync($"/People/{child}/Viewers");
        Assert.Contains("Grace Okafor-Lyle", viewers, StringComparison.Ordinal);
        Assert.Contains("Viewed the record", viewers, StringComparison.Ordinal);

        var refused = await ClientFor(worker).GetAsync($"/People/{child}/Viewers");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task RecordPage_RestrictedChild_IsNotFoundForOthersAndTheAttemptIsLogged()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var outsider = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        var child = await CreateChildAsync(manager, "Kai", "Ellery");
        await SendAsUserAsync(manager, new RestrictRecord.Command { PersonId = child, Version = await VersionOfAsync(child), Reason = RestrictionReason.HighProfile });
        Factory.Logs.Clear();

        var response = await ClientFor(outsider).GetAsync($"/People/{child}");
        var html = await response.Content.ReadAsStringAsync();
        var unknown = await ClientFor(outsider).GetAsync($"/People/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ellery", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"correlation-id\"", html, StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains("Security:", StringComparison.Ordinal) && e.Message.Contains(child.ToString(), StringComparison.Ordinal));

        var search = (await SearchAsync(ClientFor(outsider), F("Input.Name", "ellery"))).Html;
        Assert.DoesNotContain($"/People/{child}", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(manager).GetAsync($"/People/{child}")).StatusCode);
    }

    [Fact]
    public async Task EditPage_NotAllocatedWorker_IsRefusedBeforeTyping()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var holder = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var other = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        await CreateTeamAsync(manager, "Assessment", holder, other);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, holder);

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(other).GetAsync($"/People/{child}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(other).GetAsync($"/People/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(holder).GetAsync($"/People/{child}/Edit")).StatusCode);
    }

    [Fact]
    public async Task SearchPage_FindsByPreviousNameAndSaysWhichNameMatched()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var child = await CreateChildAsync(worker, "Zoë", "Marchetti");
        await SendAsUserAsync(worker, new ChangeName.Command { PersonId = child, Version = await VersionOfAsync(child), GivenNames = "Zoë", FamilyName = "Lockwood", ChangedOn = new DateOnly(2025, 9, 1) });

        var html = (await SearchAsync(ClientFor(worker), F("Input.Name", "zoe marchetti"))).Html;

        Assert.Contains("1 person found", html, StringComparison.Ordinal);
        Assert.Contains($"/People/{child}", html, StringComparison.Ordinal);
        Assert.Contains("Also known as Zo&#xEB; Marchetti", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_CannotOpenAChildRecordOrSearch()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Admin");
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var child = await CreateChildAsync(worker);

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(admin).GetAsync($"/People/{child}")).StatusCode);
        var search = await ClientFor(admin).GetAsync("/People/Search");
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Contains("You do not have access to this page", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == admin).ToListAsync()));
    }
}
