using System.Net;
using System.Text.Json;
using ChildrenServices.Application;
using ChildrenServices.Application.Drafts;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Recording;

/// <summary>Case notes, the chronology and the family narrative: through the pipeline and through the pages.</summary>
public sealed class RecordingTests(AppFactory factory) : IntegrationTest(factory)
{
    private Guid manager;
    private Guid worker;
    private Guid child;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        await CreateTeamAsync(manager, "Assessment team 1", worker);
        child = await CreateChildAsync(manager, "Riley", "Taylor");
        await AllocateAsync(manager, child, worker);
    }

    private static RecordCaseNote.Command Note(Guid childId, string title = "Home visit", bool significant = false, CaseNoteType type = CaseNoteType.Visit, DateOnly? on = null, string text = "Riley was seen alone in her bedroom.") =>
        new()
        {
            PersonId = childId, Type = type, OccurredOn = on ?? Today.AddDays(-1), OccurredAt = "14:30", Title = title, Text = text,
            WhoWasSeen = "Riley seen alone; mum", ChildSeen = true, ChildSeenAlone = true, Significant = significant,
        };

    private static IEnumerable<KeyValuePair<string, string>> NoteForm(string text, string title = "Home visit", bool significant = false, DateOnly? on = null)
    {
        var date = on ?? Today.AddDays(-1);
        var fields = new List<KeyValuePair<string, string>>
        {
            F("Input.Type", "Visit"), F("Input.OccurredOn.Day", date.Day.ToString()), F("Input.OccurredOn.Month", date.Month.ToString()),
            F("Input.OccurredOn.Year", date.Year.ToString()), F("Input.OccurredAt", "14:30"), F("Input.Title", title), F("Input.Text", text),
            F("Input.WhoWasSeen", "Riley; mum"), F("Input.ChildSeen", "true"),
        };
        if (significant)
        {
            fields.Add(F("Input.Significant", "true"));
        }

        return fields;
    }

    [Fact]
    public async Task RecordCaseNote_AllocatedWorker_SavesTheNoteAndAuditsIt()
    {
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var id = await SendAsUserAsync(worker, Note(child, significant: true));

        var note = await WithDbAsync(db => db.CaseNotes.SingleAsync(n => n.Id == id));
        Assert.Equal(child, note.ChildId);
        Assert.Equal(Today.AddDays(-1), note.OccurredOn);
        Assert.Equal(new TimeOnly(14, 30), note.OccurredAt);
        Assert.Equal(worker, note.RecordedById);
        Assert.Equal(AppFactory.Now.UtcDateTime.AddMinutes(5), note.RecordedAtUtc);
        Assert.True(note.ChildSeenAlone);
        Assert.True(note.Significant);
        Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == nameof(RecordCaseNote) && a.PersonId == child && a.UserId == worker).ToListAsync()));
    }

    [Fact]
    public async Task RecordCaseNote_OccurredTomorrow_RefusedAndNothingSaved()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(worker, Note(child, on: Today.AddDays(1))));

        Assert.Contains(ex.Errors, e => e.PropertyName == "OccurredOn" && e.ErrorMessage == "The date it happened must be today or in the past");
        Assert.Equal(0, await WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    [Fact]
    public async Task NewNotePage_100KbOfText_Returns400WithTheLimitAndKeepsTheText()
    {
        var text = new string('x', 100 * 1024);

        var response = await PostFormAsync(ClientFor(worker), $"/People/{child}/Notes/New", NoteForm(text));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The note must be 50,000 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    [Fact]
    public async Task NewNotePage_TheLongestNoteAllowed_IsSaved_InMultiByteText()
    {
        var text = string.Concat(Enumerable.Repeat("Café ", CaseNote.TextLimit / 5));

        var response = await PostFormAsync(ClientFor(worker), $"/People/{child}/Notes/New", NoteForm(text));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(text.Trim().Length, await WithDbAsync(db => db.CaseNotes.Select(n => n.Text.Length).SingleAsync()));
    }

    [Fact]
    public async Task NewNotePage_AFieldBeyondTheFormLimit_IsRefusedUnread_With400AndTheErrorPage()
    {
        var text = new string('x', Web.Infrastructure.FormLimits.ValueLength + 1);

        var response = await PostFormAsync(ClientFor(worker), $"/People/{child}/Notes/New", NoteForm(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, the form could not be sent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    [Fact]
    public async Task NewNotePage_TenIdenticalPosts_RecordOneNote_AndAllLandOnIt()
    {
        var client = ClientFor(worker);
        var url = $"/People/{child}/Notes/New";
        var form = FormPostingTo(await PageAsync(client, url), url, url);

        // A double-click, a resend, a nervous user: the same submission ten times, all at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SubmitAsync(client, form, NoteForm("Riley showed me her room."))));

        var noteId = await WithDbAsync(db => db.CaseNotes.Select(n => n.Id).SingleAsync());
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Headers.Location, r.Headers.Location));
        Assert.Contains(noteId.ToString(), responses[0].Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.FormSubmissions.CountAsync()));
    }

    [Fact]
    public async Task NewNotePage_RefusedThenCorrected_TheCorrectedPostIsRecorded()
    {
        var client = ClientFor(worker);
        var url = $"/People/{child}/Notes/New";
        var form = FormPostingTo(await PageAsync(client, url), url, url);

        var refused = await SubmitAsync(client, form, NoteForm(string.Empty));
        var corrected = await SubmitAsync(client, form, NoteForm("Riley showed me her room."));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    [Fact]
    public async Task NewNotePage_WorkerNotAllocated_Forbidden()
    {
        var colleague = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        await CreateTeamAsync(manager, "Assessment team 2", colleague);
        var client = ClientFor(colleague);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/People/{child}/Notes/New")).StatusCode);
        var token = Token(await client.GetStringAsync($"/People/{child}/Notes"));
        var posted = await client.PostAsync($"/People/{child}/Notes/New", new FormUrlEncodedContent(NoteForm("Not mine to write.").Append(F("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(colleague, Note(child)));
        Assert.Equal(0, await WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    [Fact]
    public async Task RecordCaseNote_KeyworkerCoWorking_MayRecord()
    {
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await CreateTeamAsync(manager, "Early Help North", keyworker);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(keyworker, Note(child, title: "Before co-working")));
        await AllocateAsync(manager, child, keyworker, AllocationRole.CoWorker);

        await SendAsUserAsync(keyworker, Note(child, title: "Family time session"));

        Assert.Equal("Family time session", await WithDbAsync(db => db.CaseNotes.Select(n => n.Title).SingleAsync()));
    }

    [Fact]
    public async Task NewNotePage_Saved_RedirectsToTheNoteWhichShowsScriptAsText()
    {
        var client = ClientFor(worker);

        var saved = await PostFormAsync(client, $"/People/{child}/Notes/New", NoteForm("Mum wrote <script>alert('x')</script> on the fridge note."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await client.GetStringAsync(saved.Headers.Location);

        Assert.Contains("Case note saved", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotesPage_FiltersByTypeAndSignificance_NewestFirst()
    {
        await SendAsUserAsync(worker, Note(child, title: "Older visit", on: Today.AddDays(-10)));
        await SendAsUserAsync(worker, Note(child, title: "Newer visit", on: Today.AddDays(-2), significant: true));
        await SendAsUserAsync(worker, Note(child, title: "Call with school", type: CaseNoteType.PhoneCall, on: Today.AddDays(-5)));
        var client = ClientFor(worker);

        var all = await client.GetStringAsync($"/People/{child}/Notes");
        Assert.True(all.IndexOf("Newer visit", StringComparison.Ordinal) < all.IndexOf("Call with school", StringComparison.Ordinal));
        Assert.True(all.IndexOf("Call with school", StringComparison.Ordinal) < all.IndexOf("Older visit", StringComparison.Ordinal));

        var calls = await client.GetStringAsync($"/People/{child}/Notes?type=PhoneCall");
        Assert.Contains("Call with school", calls, StringComparison.Ordinal);
        Assert.DoesNotContain("Older visit", calls, StringComparison.Ordinal);

        var significant = await client.GetStringAsync($"/People/{child}/Notes?significantOnly=true");
        Assert.Contains("Newer visit", significant, StringComparison.Ordinal);
        Assert.DoesNotContain("Older visit", significant, StringComparison.Ordinal);
        Assert.DoesNotContain("Call with school", significant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChronologyPage_ShowsOnlySignificantNotes_AndTheViewIsAudited()
    {
        await SendAsUserAsync(worker, Note(child, title: "Strategy discussion held", significant: true, type: CaseNoteType.Meeting));
        await SendAsUserAsync(worker, Note(child, title: "Routine call to confirm appointment", type: CaseNoteType.PhoneCall));
        var significant = await WithDbAsync(db => db.CaseNotes.Where(n => n.Significant).Select(n => n.Id).SingleAsync());
        await SendAsUserAsync(worker, new AddNoteAddendum.Command { PersonId = child, NoteId = significant, Text = "Correction: the police attended too." });

        var html = await ClientFor(worker).GetStringAsync($"/People/{child}/Chronology");

        Assert.Contains("moj-timeline", html, StringComparison.Ordinal);
        Assert.Contains("Strategy discussion held", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Routine call to confirm appointment", html, StringComparison.Ordinal);
        Assert.Contains("Correction: the police attended too.", html, StringComparison.Ordinal);
        Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == nameof(GetChronology) && a.PersonId == child && a.UserId == worker).ToListAsync()));
    }

    [Fact]
    public async Task FamilyChronology_IncludesASiblingsSignificantNote_OldestFirst_AndLeavesOutARestrictedSibling()
    {
        var sibling = await CreateChildAsync(manager, "Jordan", "Taylor", new DateOnly(2016, 2, 3));
        var hidden = await CreateChildAsync(manager, "Kai", "Taylor", new DateOnly(2020, 7, 9));
        await SendAsUserAsync(manager, new AddRelationship.Command { PersonId = child, RelatedPersonId = sibling, Kind = RelationshipKind.Sibling, SameHousehold = true });
        await SendAsUserAsync(manager, new AddRelationship.Command { PersonId = child, RelatedPersonId = hidden, Kind = RelationshipKind.Sibling, SameHousehold = true });
        await SendAsUserAsync(worker, Note(child, title: "Riley's visit", significant: true, on: Today.AddDays(-1)));
        await SendAsUserAsync(manager, Note(sibling, title: "Jordan excluded from school", significant: true, on: Today.AddDays(-20)));
        await SendAsUserAsync(manager, Note(sibling, title: "Jordan's routine call", on: Today.AddDays(-15)));
        await SendAsUserAsync(manager, Note(hidden, title: "Kai's confidential meeting", significant: true, on: Today.AddDays(-5)));
        await SendAsUserAsync(manager, new RestrictRecord.Command { PersonId = hidden, Version = await VersionOfAsync(hidden), Reason = RestrictionReason.HighProfile });

        var html = await ClientFor(worker).GetStringAsync($"/People/{child}/Chronology/Family");

        Assert.Contains("Jordan excluded from school", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Jordan excluded from school", StringComparison.Ordinal) < html.IndexOf("Riley&#x27;s visit", StringComparison.Ordinal), "oldest first");
        Assert.DoesNotContain("Jordan's routine call", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan&#x27;s routine call", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kai", html, StringComparison.Ordinal);

        var allowed = await SendAsUserAsync(manager, new GetFamilyChronology.Query(child));
        Assert.Contains(allowed.Entries, e => e.Title == "Kai's confidential meeting");

        var jordanOnly = await SendAsUserAsync(worker, new GetFamilyChronology.Query(child, ChildId: sibling));
        Assert.Equal(["Jordan excluded from school"], jordanOnly.Entries.Select(e => e.Title));
    }

    [Fact]
    public async Task Draft_SavedByThePageHandler_IsRestoredInANewSession()
    {
        var longText = string.Concat(Enumerable.Repeat("Riley talked about school and her friends. ", 200));
        Factory.Clock.Advance(TimeSpan.FromHours(4).Add(TimeSpan.FromMinutes(32)));

        var saved = await PostFormAsync(ClientFor(worker), $"/People/{child}/Notes/New?handler=Draft",
            [F("Input.Type", "Visit"), F("Input.OccurredOn.Day", "23"), F("Input.OccurredOn.Month", "1"), F("Input.OccurredOn.Year", "20"), F("Input.Title", "Home visit"), F("Input.Text", longText)],
            formUrl: $"/People/{child}/Notes/New");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("14:32", JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("savedAt").GetString());

        // A new client is a new session: nothing survives but what the server kept.
        var html = await ClientFor(worker).GetStringAsync($"/People/{child}/Notes/New");

        Assert.Contains("You have an unsent draft from 14:32", html, StringComparison.Ordinal);
        Assert.Contains(longText.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("value=\"Home visit\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Visit\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_SavedTwice_IsOneDraftWithTheLatestText()
    {
        var client = ClientFor(worker);
        await PostFormAsync(client, $"/People/{child}/Notes/New?handler=Draft", [F("Input.Text", "First go")], formUrl: $"/People/{child}/Notes/New");
        await PostFormAsync(client, $"/People/{child}/Notes/New?handler=Draft", [F("Input.Text", "Second go")], formUrl: $"/People/{child}/Notes/New");

        var draft = await WithDbAsync(db => db.FormDrafts.SingleAsync());
        Assert.Contains("Second go", draft.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("First go", draft.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_SavingTheNote_DeletesTheDraft()
    {
        var client = ClientFor(worker);
        await PostFormAsync(client, $"/People/{child}/Notes/New?handler=Draft", [F("Input.Text", "Half a note")], formUrl: $"/People/{child}/Notes/New");
        Assert.Equal(1, await WithDbAsync(db => db.FormDrafts.CountAsync()));

        var saved = await PostFormAsync(client, $"/People/{child}/Notes/New", NoteForm("The whole note."));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync()));
        var html = await client.GetStringAsync($"/People/{child}/Notes/New");
        Assert.DoesNotContain("unsent draft", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Half a note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsTheAuthorsOnly_TheManagerDoesNotSeeIt()
    {
        await PostFormAsync(ClientFor(worker), $"/People/{child}/Notes/New?handler=Draft", [F("Input.Text", "Grace's private working notes")], formUrl: $"/People/{child}/Notes/New");

        var managersPage = await ClientFor(manager).GetAsync($"/People/{child}/Notes/New");
        var html = await managersPage.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, managersPage.StatusCode);
        Assert.DoesNotContain("Grace&#x27;s private working notes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsent draft", html, StringComparison.Ordinal);
        Assert.Null(await SendAsUserAsync(manager, new GetDraft.Query(new DraftKey("/People/NewNote", child, DraftScope.Person, child))));
    }

    [Fact]
    public async Task Draft_Discarded_IsGone()
    {
        var client = ClientFor(worker);
        await PostFormAsync(client, $"/People/{child}/Notes/New?handler=Draft", [F("Input.Text", "Never mind")], formUrl: $"/People/{child}/Notes/New");

        var discarded = await PostFormAsync(client, $"/People/{child}/Notes/New?handler=DiscardDraft", [], formUrl: $"/People/{child}/Notes/New");

        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FormDrafts.CountAsync()));
    }

    [Fact]
    public async Task NotePage_Addendum_AddedBeneathTheUnchangedNote()
    {
        var id = await SendAsUserAsync(worker, Note(child, text: "Mum said the boiler was fixed."));
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        var client = ClientFor(worker);

        var added = await PostFormAsync(client, $"/People/{child}/Notes/{id}", [F("Input.Text", "Correction: the landlord fixed it.")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = await client.GetStringAsync($"/People/{child}/Notes/{id}");

        Assert.Contains("Mum said the boiler was fixed.", html, StringComparison.Ordinal);
        Assert.Contains("Correction: the landlord fixed it.", html, StringComparison.Ordinal);
        Assert.Contains("Added by Grace Okafor-Lyle on 26 November 2026", html, StringComparison.Ordinal);
        Assert.Equal(["Correction: the landlord fixed it."], (await SendAsUserAsync(worker, new GetCaseNote.Query(child, id))).Addenda.Select(a => a.Text));
    }

    [Fact]
    public async Task NotePage_NoteOfAnotherChild_NotFound()
    {
        var other = await CreateChildAsync(manager, "Sky", "Moreno");
        var id = await SendAsUserAsync(manager, Note(other));

        var response = await ClientFor(worker).GetAsync($"/People/{child}/Notes/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
