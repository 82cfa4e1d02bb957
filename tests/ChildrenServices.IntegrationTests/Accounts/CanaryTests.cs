using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>The app logging at Debug, as a council diagnosing a fault might set it, with every line captured.</summary>
public sealed class CanaryAppFactory : AppFactory
{
    public CanaryAppFactory() => Logs.MinimumLevel = LogLevel.Debug;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
    }
}

/// <summary>
/// Issue 15, the personal-data canary: made-up names, a date of birth, an NHS number and note text that appear nowhere
/// else are put through the forms a practitioner uses (recording a child, searching by each, a case note and its draft,
/// a contact, a refused form, a wrong sign-in), and then every log line the app wrote, at Debug, is searched for them.
/// </summary>
public sealed class CanaryTests(CanaryAppFactory factory) : IntegrationTest(factory), IClassFixture<CanaryAppFactory>
{
    private const string Given = "Quillonette";
    private const string Family = "Zarnowicz";
    private const string Nhs = "4872361598";
    private const string NoteText = "Brimblecombe orchid marmalade";
    private const string Referrer = "Ottoline Vasquezbury";

    [Fact]
    public async Task No_log_line_holds_a_childs_name_date_of_birth_nhs_number_or_note_text()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        await CreateTeamAsync(manager, "Assessment team 1");
        var client = ClientFor(manager);
        Factory.Logs.Clear();

        // A form refused with the canary in it (the 32nd of July), then the child recorded.
        var child = new List<KeyValuePair<string, string>>
        {
            F("Input.Type", "Child"), F("Input.GivenNames", Given), F("Input.FamilyName", Family),
            F("Input.DateOfBirth.Day", "14"), F("Input.DateOfBirth.Month", "7"), F("Input.DateOfBirth.Year", "2019"),
            F("Input.NhsNumber", Nhs), F("Input.FirstLanguage", "English"),
        };
        var refused = await PostFormAsync(client, "/People/Create", [.. child.Where(f => f.Key != "Input.DateOfBirth.Day"), F("Input.DateOfBirth.Day", "32"), F("Input.Sex", "Female")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var created = await PostFormAsync(client, "/People/Create", [.. child, F("Input.Sex", "Female"), F("Input.ConfirmedNotDuplicate", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var childId = await WithDbAsync(db => db.People.Where(p => p.FamilyName == Family).Select(p => p.Id).SingleAsync());

        // Found by each: name, NHS number, date of birth; the record opened.
        await SearchAsync(client, F("Input.Name", $"{Given} {Family}"));
        await SearchAsync(client, F("Input.Identifier", Nhs));
        await SearchAsync(client, F("Input.DateOfBirth.Day", "14"), F("Input.DateOfBirth.Month", "7"), F("Input.DateOfBirth.Year", "2019"));
        await PageAsync(client, $"/People/{childId}");

        // A case note, its draft first.
        var note = new[]
        {
            F("Input.Type", "Visit"), F("Input.OccurredOn.Day", "23"), F("Input.OccurredOn.Month", "11"), F("Input.OccurredOn.Year", "2026"),
            F("Input.OccurredAt", "14:30"), F("Input.Title", $"Visit to {Given}"), F("Input.Text", NoteText), F("Input.WhoWasSeen", $"{Given}; mum"), F("Input.ChildSeen", "true"),
        };
        var draft = await PostFormAsync(client, $"/People/{childId}/Notes/New?handler=Draft", note, formUrl: $"/People/{childId}/Notes/New");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/People/{childId}/Notes/New", note)).StatusCode);
        await PageAsync(client, $"/People/{childId}/Notes");

        // A contact about the child.
        await PostFormAsync(client, "/FrontDoor/Contacts/New",
        [
            F("Input.Route", "PhoneConsultation"), F("Input.ReceivedDate.Day", "23"), F("Input.ReceivedDate.Month", "11"), F("Input.ReceivedDate.Year", "2026"),
            F("Input.ReceivedTime", "09:15"), F("Input.Urgency", "Routine"), F("Input.ReferrerName", Referrer), F("Input.ReferrerAgency", "School"),
            F("Input.ReferralSourceCode", "2A"), F("Input.Concerns", $"{Given} {Family} said {NoteText}"), F("Input.Consent", "Given"), F("Input.AssignToMe", "true"),
        ]);

        // A sign-in attempt with a child's name as the email and NHS number as the password.
        await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", $"{Given}.{Family}@example.gov.uk"), F("Input.Password", $"{Nhs}{NoteText}")]);

        var lines = Factory.Logs.Entries;
        Assert.True(lines.Count > 50, $"Only {lines.Count} log lines were captured: the canary would prove nothing");
        Assert.Contains(lines, l => l.Level == LogLevel.Debug);
        string[] canaries = [Given, Family, Nhs, "943 476", "487 236", "2019-07-14", "14/07/2019", "14 July 2019", "7/14/2019", NoteText, "Brimblecombe", Referrer];
        var hits = lines.SelectMany(l => canaries.Where(c => l.Message.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"{c} in {l.Category}: {l.Message}")).ToList();
        Assert.True(hits.Count == 0, "Personal data reached the logs:\n" + string.Join("\n", hits.Take(10)));
    }
}
