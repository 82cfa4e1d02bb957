using System.Net;
using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.FrontDoor;

public sealed class MashCheckTests(AppFactory factory) : IntegrationTest(factory)
{
    // 24 November 2026 is GMT, so UK local time equals UTC in these tests.
    private static readonly DateTime Now = AppFactory.Now.UtcDateTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestMashChecks_SeveralAgencies_CreatesOneCheckEachWithTheDueTime()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);

        await SendAsUserAsync(worker, Request(contact, [PartnerAgency.Police, PartnerAgency.Health, PartnerAgency.Other], due: "15:30") with { AgencyName = "Youth justice service" });

        var checks = (await WithDbAsync(db => db.MashChecks.Where(m => m.ContactId == contact.Id).ToListAsync())).OrderBy(m => m.Agency).ToList();
        Assert.Equal([PartnerAgency.Police, PartnerAgency.Health, PartnerAgency.Other], checks.Select(c => c.Agency));
        Assert.All(checks, c =>
        {
            Assert.Equal(Now.Date.AddHours(15).AddMinutes(30), c.DueAtUtc);
            Assert.Equal(Now, c.RequestedAtUtc);
            Assert.Equal(worker, c.RequestedById);
            Assert.Equal("Is the family known to you? Any concerns about the adults in the home?", c.Question);
            Assert.True(c.IsOutstanding);
        });
        Assert.Equal([null, null, "Youth justice service"], checks.Select(c => c.AgencyName));

        var entry = Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == nameof(RequestMashChecks)).ToListAsync()));
        Assert.Equal(worker, entry.UserId);
        Assert.Equal(Now, entry.OccurredAtUtc);
    }

    [Fact]
    public async Task RequestMashChecks_NoDueTimeGiven_DueAfterTheDefaultResponseHours()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);

        await SendAsUserAsync(worker, Request(contact, [PartnerAgency.Education], due: null));

        var check = Assert.Single(await WithDbAsync(db => db.MashChecks.ToListAsync()));
        Assert.Equal(Now.AddHours(new FrontDoorSettings().MashCheckResponseHours), check.DueAtUtc);
    }

    [Fact]
    public async Task RequestMashChecks_DueInBritishSummerTime_StoredAsUtc()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);

        await SendAsUserAsync(worker, Request(contact, [PartnerAgency.Housing], due: "2.30pm") with { DueDate = new DateOnly(2027, 6, 1) });

        var check = Assert.Single(await WithDbAsync(db => db.MashChecks.ToListAsync()));
        Assert.Equal(new DateTime(2027, 6, 1, 13, 30, 0, DateTimeKind.Utc), check.DueAtUtc);
    }

    [Theory]
    [InlineData("09:59")]
    [InlineData("10:00")]
    public async Task RequestMashChecks_DueTimeNotInTheFuture_RefusedBesideTheTime(string time)
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(worker, Request(contact, [PartnerAgency.Police], due: time)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(nameof(RequestMashChecks.Command.DueTime), error.PropertyName);
        Assert.Equal("The due time must be in the future", error.ErrorMessage);
        Assert.Empty(await WithDbAsync(db => db.MashChecks.ToListAsync()));
    }

    [Fact]
    public async Task RequestMashChecks_ConsentRefused_RefusedAndNothingRequested()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var child = await CreateChildAsync(worker);
        var contact = await WithDbAsync(db => new ContactBuilder().About(child).RecordedBy(worker).WithConsent(ConsentToShare.Refused).SaveAsync(db));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(worker, Request(contact, [PartnerAgency.Police], due: "15:00")));

        Assert.Equal(nameof(RequestMashChecks.Command.Agencies), ex.Field);
        Assert.Contains("Consent to share was refused", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.MashChecks.ToListAsync()));
        Assert.False((await SendAsUserAsync(worker, new GetMashChecks.Query(contact.Id))).CanRequestChecks);
    }

    [Fact]
    public async Task RecordMashCheckResponse_Valid_RecordsResponseRagAndTimeAndIsAudited()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var colleague = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var contact = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        await SendAsUserAsync(colleague, new RecordMashCheckResponse.Command
        {
            ContactId = contact.Id, CheckId = checkId, Version = await VersionAsync(contact.Id),
            Response = "Two domestic incidents at the address in 2025; no charges.", Rag = RagRating.Amber,
            RespondedDate = new DateOnly(2026, 11, 24), RespondedTime = "11:45",
        });

        var check = await WithDbAsync(db => db.MashChecks.SingleAsync(m => m.Id == checkId));
        Assert.Equal("Two domestic incidents at the address in 2025; no charges.", check.Response);
        Assert.Equal(RagRating.Amber, check.Rag);
        Assert.Equal(Now.Date.AddHours(11).AddMinutes(45), check.RespondedAtUtc);
        Assert.Equal(colleague, check.ResponseRecordedById);

        var rows = (await SendAsUserAsync(worker, new GetMashChecks.Query(contact.Id))).Checks;
        Assert.Equal("Sam Patel", Assert.Single(rows).ResponseRecordedBy);
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.ToListAsync()), a => a.Action == nameof(RecordMashCheckResponse) && a.UserId == colleague);
    }

    [Fact]
    public async Task RecordMashCheckResponse_FutureOrBeforeTheRequest_Refused()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, contact, PartnerAgency.Health, "14:00");
        RecordMashCheckResponse.Command Respond(string time, Guid version) => new()
        {
            ContactId = contact.Id, CheckId = checkId, Version = version, Response = "Not known to the health visitor",
            Rag = RagRating.Green, RespondedDate = new DateOnly(2026, 11, 24), RespondedTime = time,
        };
        var version = await VersionAsync(contact.Id);

        var future = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(worker, Respond("10:30", version)));
        Assert.Equal("The date and time received must be now or in the past", Assert.Single(future.Errors).ErrorMessage);

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(worker, Respond("09:30", version)));
        Assert.Equal(nameof(RecordMashCheckResponse.Command.RespondedDate), early.Field);

        Assert.True((await WithDbAsync(db => db.MashChecks.SingleAsync(m => m.Id == checkId))).IsOutstanding);
    }

    [Fact]
    public async Task RecordMashCheckResponse_AlreadyAnswered_RefusedSoTheFirstAnswerIsKept()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, contact, PartnerAgency.Health, "14:00");
        await RespondAsync(worker, contact.Id, checkId, "First answer");

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => RespondAsync(worker, contact.Id, checkId, "Second answer"));

        Assert.Equal(nameof(RecordMashCheckResponse.Command.Response), ex.Field);
        Assert.Equal("First answer", (await WithDbAsync(db => db.MashChecks.SingleAsync(m => m.Id == checkId))).Response);
    }

    [Fact]
    public async Task RecordMashOutcome_Valid_RecordsOutcomeAndRagAndIsAudited()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");
        Factory.Clock.Advance(TimeSpan.FromMinutes(95));

        await SendAsUserAsync(worker, new RecordMashOutcome.Command
        {
            ContactId = contact.Id, Version = await VersionAsync(contact.Id), Outcome = "Police history of domestic abuse: threshold for a strategy discussion met.", Rag = RagRating.Red,
        });

        var saved = await WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id));
        Assert.Equal("Police history of domestic abuse: threshold for a strategy discussion met.", saved.MashOutcome);
        Assert.Equal(RagRating.Red, saved.MashRag);
        Assert.Equal(Now.AddMinutes(95), saved.MashOutcomeAtUtc);
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.ToListAsync()), a => a.Action == nameof(RecordMashOutcome) && a.UserId == worker);
    }

    [Fact]
    public async Task RecordMashOutcome_StaleVersion_ConflictNamingWhoChangedIt()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var colleague = await CreateUserAsync(Roles.FrontDoorPractitioner, "Mercy Okonjo");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");
        var loaded = await VersionAsync(contact.Id);
        Factory.Clock.Advance(TimeSpan.FromMinutes(7));
        await RequestOneAsync(colleague, contact, PartnerAgency.Housing, "16:00");

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(worker, new RecordMashOutcome.Command
        {
            ContactId = contact.Id, Version = loaded, Outcome = "Nothing further", Rag = RagRating.Green,
        }));

        Assert.Contains("changed by Mercy Okonjo at 10:07", ex.Message, StringComparison.Ordinal);
        Assert.Null((await WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).MashOutcome);
    }

    [Fact]
    public async Task ListOutstandingMashChecks_MostOverdueFirst_AnsweredAndDecidedLeftOut()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var first = await NewContactAsync(worker);
        var second = await NewContactAsync(worker);
        var police = await RequestOneAsync(worker, first, PartnerAgency.Police, "12:00");
        var health = await RequestOneAsync(worker, second, PartnerAgency.Health, "10:30");
        var answered = await RequestOneAsync(worker, second, PartnerAgency.Education, "10:15");
        var soon = await RequestOneAsync(worker, first, PartnerAgency.Housing, "14:30");
        var later = await RequestOneAsync(worker, second, PartnerAgency.Probation, "18:00");
        await RespondAsync(worker, second.Id, answered, "Attendance 95%");
        Factory.Clock.Advance(TimeSpan.FromHours(4)); // 14:00

        var list = await SendAsUserAsync(worker, new ListOutstandingMashChecks.Query());

        Assert.Equal([health, police, soon, later], list.Rows.Select(r => r.CheckId));
        Assert.Equal(2, list.OverdueCount);
        Assert.Equal(1, list.DueSoonCount);
        Assert.Equal(1, list.OnTrackCount);
        var top = list.Rows[0];
        Assert.True(top.IsOverdue);
        Assert.Equal(second.Reference, top.ContactReference);
        Assert.Equal(second.Id, top.ContactId);
        Assert.Equal(TimeSpan.FromMinutes(210), top.OverdueBy(list.NowUtc));
        Assert.Equal("Priya Fenwick", top.RequestedBy);
    }

    [Fact]
    public async Task DecidedContact_ChecksLeaveTheListAndNoMoreCanBeRequested()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "12:00");
        await WithDbAsync(async db =>
        {
            var saved = await db.Contacts.Include(c => c.People).Include(c => c.Decisions).SingleAsync(c => c.Id == contact.Id, Ct);
            saved.Decide(new DecisionDetails(ContactOutcome.NoFurtherAction, "Police hold nothing; the school will keep watch"), needsSignOff: false, worker, Now);
            await db.SaveChangesAsync(Ct);
        });

        Assert.Empty((await SendAsUserAsync(worker, new ListOutstandingMashChecks.Query())).Rows);
        var html = await ClientFor(worker).GetStringAsync($"/FrontDoor/Contacts/{contact.Id}/Checks/Request", Ct);
        Assert.Contains("Checks cannot be requested on a decided contact", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Agencies\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedChild_ContactLeftOutOfTheListAndItsCheckPagesNotFoundForOthers()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var outsider = await CreateUserAsync(Roles.FrontDoorPractitioner, "Lewis Dawes");
        var child = await CreateChildAsync(manager, "Kai", "Ellery");
        var contact = await WithDbAsync(db => new ContactBuilder().About(child).RecordedBy(manager).SaveAsync(db));
        var checkId = await RequestOneAsync(manager, contact, PartnerAgency.Police, "12:00");
        await SendAsUserAsync(manager, new RestrictRecord.Command { PersonId = child, Version = await VersionOfAsync(child), Reason = RestrictionReason.HighProfile });
        Factory.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Empty((await SendAsUserAsync(outsider, new ListOutstandingMashChecks.Query())).Rows);
        Assert.Equal(checkId, Assert.Single((await SendAsUserAsync(manager, new ListOutstandingMashChecks.Query())).Rows).CheckId);

        var client = ClientFor(outsider);
        foreach (var url in CheckPages(contact.Id, checkId))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
        }

        var list = await client.GetStringAsync("/FrontDoor/Checks", Ct);
        Assert.DoesNotContain(contact.Reference, list, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => RespondAsync(outsider, contact.Id, checkId, "Sneaky"));

        var managerClient = ClientFor(manager);
        foreach (var url in CheckPages(contact.Id, checkId))
        {
            Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync(url, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Keyworker_WithoutRecordContacts_IsRefused()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Kim Keyworker");
        var contact = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, contact, PartnerAgency.Police, "12:00");

        var client = ClientFor(keyworker);
        foreach (var url in CheckPages(contact.Id, checkId).Append("/FrontDoor/Checks"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, Ct)).StatusCode);
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(keyworker, Request(contact, [PartnerAgency.Health], due: "15:00")));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(keyworker, new ListOutstandingMashChecks.Query()));
        Assert.Single(await WithDbAsync(db => db.MashChecks.ToListAsync()));
    }

    [Fact]
    public async Task RequestPage_Valid_RedirectsToTheContactAndCreatesTheChecks()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var url = $"/FrontDoor/Contacts/{contact.Id}/Checks/Request";
        var client = ClientFor(worker);

        var form = await client.GetStringAsync(url, Ct);
        Assert.Contains("value=\"14:00\"", form, StringComparison.Ordinal); // the default: 4 hours from now
        Assert.Contains($"href=\"/FrontDoor/Contacts/{contact.Id}\"", form, StringComparison.Ordinal);

        var response = await PostFormAsync(client, url,
        [
            F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.Agencies", "Police"), F("Input.Agencies", "Education"),
            F("Input.Question", "Any incidents at the address?"), F("Input.DueDate.Day", "24"), F("Input.DueDate.Month", "11"), F("Input.DueDate.Year", "2026"),
            F("Input.DueTime", "3pm"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/FrontDoor/Contacts/{contact.Id}", response.Headers.Location?.OriginalString);
        var checks = await WithDbAsync(db => db.MashChecks.ToListAsync());
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(Now.Date.AddHours(15), c.DueAtUtc));
    }

    [Fact]
    public async Task RequestPage_MissingFieldsAndImpossibleDate_Returns400WithErrorsBesideFieldsAndKeepsInput()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);

        var response = await PostFormAsync(ClientFor(worker), $"/FrontDoor/Contacts/{contact.Id}/Checks/Request",
        [
            F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.AgencyName", "Youth <b>justice</b>"), F("Input.Question", ""),
            F("Input.DueDate.Day", "31"), F("Input.DueDate.Month", "2"), F("Input.DueDate.Year", "2027"), F("Input.DueTime", "25:99"),
        ]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Agencies\">Select at least one agency</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Question\">Enter what you need to know</a>", html, StringComparison.Ordinal);
        Assert.Contains("Due date must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("Enter a real time, for example 14:05 or 2pm", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Youth &lt;b&gt;justice&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"25:99\"", html, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.MashChecks.ToListAsync()));
    }

    [Fact]
    public async Task ResponsePage_FutureTimeHugeTextAndScript_Returns400KeepsInputAndEncodesIt()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var checkId = await SendRequestAsync(worker, contact, "<script>alert('question')</script>");
        var url = $"/FrontDoor/Contacts/{contact.Id}/Checks/{checkId}/Response";
        var client = ClientFor(worker);

        var huge = await PostFormAsync(client, url,
        [
            F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.Response", new string('x', 100 * 1024)),
            F("Input.RespondedDate.Day", "25"), F("Input.RespondedDate.Month", "11"), F("Input.RespondedDate.Year", "2026"), F("Input.RespondedTime", "09:00"),
        ]);
        var hugeHtml = await huge.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("The agency&#x27;s response must be 10,000 characters or fewer", hugeHtml, StringComparison.Ordinal);
        Assert.Contains("Select a RAG rating", hugeHtml, StringComparison.Ordinal);
        Assert.Contains("The date and time received must be now or in the past", hugeHtml, StringComparison.Ordinal);

        var script = await PostFormAsync(client, url,
        [
            F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.Response", "<script>alert('response')</script>"),
            F("Input.RespondedDate.Day", "24"), F("Input.RespondedDate.Month", "11"), F("Input.RespondedDate.Year", "2026"), F("Input.RespondedTime", ""),
        ]);
        var scriptHtml = await script.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("Enter the time the response was received", scriptHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;response&#x27;)&lt;/script&gt;", scriptHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;question&#x27;)&lt;/script&gt;", scriptHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", scriptHtml, StringComparison.Ordinal);
        Assert.True((await WithDbAsync(db => db.MashChecks.SingleAsync())).IsOutstanding);
    }

    [Fact]
    public async Task ResponsePage_Valid_RedirectsToTheContact()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");
        Factory.Clock.Advance(TimeSpan.FromMinutes(65));

        var response = await PostFormAsync(ClientFor(worker), $"/FrontDoor/Contacts/{contact.Id}/Checks/{checkId}/Response",
        [
            F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.Response", "No trace"), F("Input.Rag", "Green"),
            F("Input.RespondedDate.Day", "24"), F("Input.RespondedDate.Month", "11"), F("Input.RespondedDate.Year", "2026"), F("Input.RespondedTime", "11:05"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/FrontDoor/Contacts/{contact.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(RagRating.Green, (await WithDbAsync(db => db.MashChecks.SingleAsync())).Rag);
    }

    [Fact]
    public async Task ResponsePage_CheckFromAnotherContact_NotFound()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var other = await NewContactAsync(worker);
        var checkId = await RequestOneAsync(worker, other, PartnerAgency.Police, "14:00");

        Assert.Equal(HttpStatusCode.NotFound, (await ClientFor(worker).GetAsync($"/FrontDoor/Contacts/{contact.Id}/Checks/{checkId}/Response", Ct)).StatusCode);
    }

    [Fact]
    public async Task OutcomePage_StaleVersion_Returns409NamingWhoChangedItAndKeepsInput()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var colleague = await CreateUserAsync(Roles.FrontDoorPractitioner, "Mercy Okonjo");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");
        var loaded = await VersionAsync(contact.Id);
        await RequestOneAsync(colleague, contact, PartnerAgency.Health, "14:00");

        var response = await PostFormAsync(ClientFor(worker), $"/FrontDoor/Contacts/{contact.Id}/Checks/Outcome",
            [F("Input.Version", loaded.ToString()), F("Input.Outcome", "Threshold met for a strategy discussion"), F("Input.Rag", "Red")]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("changed by Mercy Okonjo", html, StringComparison.Ordinal);
        Assert.Contains("Threshold met for a strategy discussion</textarea>", html, StringComparison.Ordinal);
        Assert.Null((await WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).MashOutcome);
    }

    [Fact]
    public async Task OutcomePage_Valid_RedirectsToTheContactAndIsAudited()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "14:00");

        var response = await PostFormAsync(ClientFor(worker), $"/FrontDoor/Contacts/{contact.Id}/Checks/Outcome",
            [F("Input.Version", (await VersionAsync(contact.Id)).ToString()), F("Input.Outcome", "No concerns known to partners"), F("Input.Rag", "Green")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/FrontDoor/Contacts/{contact.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(RagRating.Green, (await WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).MashRag);
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.ToListAsync()), a => a.Action == nameof(RecordMashOutcome) && a.UserId == worker);
    }

    [Fact]
    public async Task ChecksListPage_OverdueRowsStandOutWithCountsAndLinkToTheContact()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        await RequestOneAsync(worker, contact, PartnerAgency.Police, "12:00");
        await RequestOneAsync(worker, contact, PartnerAgency.Health, "14:45");
        Factory.Clock.Advance(TimeSpan.FromHours(4)); // 14:00

        var html = await ClientFor(worker).GetStringAsync("/FrontDoor/Checks", Ct);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
        Assert.Contains("Overdue (1)", html, StringComparison.Ordinal);
        Assert.Contains("Due soon (1)", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", html, StringComparison.Ordinal);
        Assert.Contains("2 hours overdue", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--yellow\">Due soon</strong>", html, StringComparison.Ordinal);
        Assert.Contains("45 minutes left", html, StringComparison.Ordinal);
        Assert.Contains("24 November 2026 at 12:00", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"govuk-link\" href=\"/FrontDoor/Contacts/{contact.Id}\">{contact.Reference}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MashChecksPartial_RendersChecksWithStatusAndLinksForTheContactPage()
    {
        var worker = await CreateUserAsync(Roles.FrontDoorPractitioner, "Priya Fenwick");
        var contact = await NewContactAsync(worker);
        var police = await RequestOneAsync(worker, contact, PartnerAgency.Police, "12:00");
        var health = await RequestOneAsync(worker, contact, PartnerAgency.Health, "12:00");
        await RespondAsync(worker, contact.Id, health, "Known to the <b>health visitor</b>", RagRating.Amber);
        Factory.Clock.Advance(TimeSpan.FromHours(3)); // 13:00
        var model = await SendAsUserAsync(worker, new GetMashChecks.Query(contact.Id));

        var html = await RenderPartialAsync(worker, model);

        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", html, StringComparison.Ordinal);
        Assert.Contains("1 hour overdue", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/FrontDoor/Contacts/{contact.Id}/Checks/{police}/Response\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Checks/{health}/Response", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--orange\">Amber</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Known to the &lt;b&gt;health visitor&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/FrontDoor/Contacts/{contact.Id}/Checks/Request\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/FrontDoor/Contacts/{contact.Id}/Checks/Outcome\"", html, StringComparison.Ordinal);
        Assert.Contains("by Priya Fenwick", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> CheckPages(Guid contactId, Guid checkId) =>
    [
        $"/FrontDoor/Contacts/{contactId}/Checks/Request",
        $"/FrontDoor/Contacts/{contactId}/Checks/{checkId}/Response",
        $"/FrontDoor/Contacts/{contactId}/Checks/Outcome",
    ];

    private static RequestMashChecks.Command Request(Contact contact, List<PartnerAgency> agencies, string? due, Guid? version = null) => new()
    {
        ContactId = contact.Id,
        Version = version ?? contact.Version,
        Agencies = agencies,
        Question = "Is the family known to you? Any concerns about the adults in the home?",
        DueDate = due is null ? null : new DateOnly(2026, 11, 24),
        DueTime = due,
    };

    private async Task<Contact> NewContactAsync(Guid recordedBy)
    {
        var child = await CreateChildAsync(recordedBy);
        return await WithDbAsync(db => new ContactBuilder().About(child).RecordedBy(recordedBy).SaveAsync(db));
    }

    private Task<Guid> VersionAsync(Guid contactId) =>
        WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Version).SingleAsync());

    /// <summary>Requests one check due at <paramref name="due"/> today (UK time) and returns its id.</summary>
    private async Task<Guid> RequestOneAsync(Guid userId, Contact contact, PartnerAgency agency, string due)
    {
        var before = await WithDbAsync(db => db.MashChecks.Select(m => m.Id).ToListAsync());
        await SendAsUserAsync(userId, Request(contact, [agency], due, await VersionAsync(contact.Id)));
        return await WithDbAsync(db => db.MashChecks.Where(m => !before.Contains(m.Id)).Select(m => m.Id).SingleAsync());
    }

    private async Task<Guid> SendRequestAsync(Guid userId, Contact contact, string question)
    {
        await SendAsUserAsync(userId, Request(contact, [PartnerAgency.Police], "14:00", await VersionAsync(contact.Id)) with { Question = question });
        return await WithDbAsync(db => db.MashChecks.Select(m => m.Id).SingleAsync());
    }

    private async Task RespondAsync(Guid userId, Guid contactId, Guid checkId, string response, RagRating rag = RagRating.Green) =>
        await SendAsUserAsync(userId, new RecordMashCheckResponse.Command
        {
            ContactId = contactId, CheckId = checkId, Version = await VersionAsync(contactId), Response = response, Rag = rag,
            RespondedDate = UkTime.Today(Factory.Clock), RespondedTime = UkTime.ToLocal(Factory.Clock.GetUtcNow().UtcDateTime).ToString("HH:mm"),
        });

    /// <summary>Renders the partial as the contact page will, with the user's permissions.</summary>
    private async Task<string> RenderPartialAsync(Guid userId, GetMashChecks.Result model)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principal = await PrincipalForAsync(services, userId);
        services.GetRequiredService<CurrentUser>().Use(principal);
        var http = new DefaultHttpContext { RequestServices = services, User = principal };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = services.GetRequiredService<IRazorViewEngine>().GetView(null, "/Pages/FrontDoor/Checks/_MashChecks.cshtml", isMainPage: false).EnsureSuccessful(null).View!;
        var viewData = new ViewDataDictionary<GetMashChecks.Result>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        await using var writer = new StringWriter();
        var context = new ViewContext(action, view, viewData, new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>()), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
