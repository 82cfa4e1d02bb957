using System.Net;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.FrontDoor;

public sealed class FrontDoorPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private const string Script = "<script>alert('x')</script>";

    private static List<KeyValuePair<string, string>> ContactForm(string concerns, string day = "24", string time = "09:15") =>
    [
        F("Input.Route", "PhoneConsultation"), F("Input.ReceivedDate.Day", day), F("Input.ReceivedDate.Month", "11"), F("Input.ReceivedDate.Year", "2026"),
        F("Input.ReceivedTime", time), F("Input.Urgency", "Routine"), F("Input.ReferrerName", "Mrs Okonjo " + Script), F("Input.ReferrerAgency", Script),
        F("Input.ReferralSourceCode", "2A"), F("Input.Concerns", concerns), F("Input.WorkingWell", Script), F("Input.Worries", Script),
        F("Input.LivedExperience", Script), F("Input.Consent", "Given"), F("Input.AssignToMe", "true"),
    ];

    [Fact]
    public async Task NewContactPage_BadInput_Returns400WithMessagesBesideFieldsAndKeepsEverything()
    {
        var client = ClientFor(Practitioner);
        var form = ContactForm(new string('a', 100 * 1024), day: "31", time: "9.75");
        form.RemoveAll(f => f.Key == "Input.ReceivedDate.Month");
        form.Add(F("Input.ReceivedDate.Month", "2"));

        var response = await PostFormAsync(client, "/FrontDoor/Contacts/New", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("Enter the time as hours and minutes", html, StringComparison.Ordinal);
        Assert.Contains("The concerns must be 10,000 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9.75\"", html, StringComparison.Ordinal);
        Assert.Contains("Mrs Okonjo &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task NewContactPage_FutureDate_IsRefusedBesideTheField()
    {
        var response = await PostFormAsync(ClientFor(Practitioner), "/FrontDoor/Contacts/New", ContactForm("Worried", day: "25"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The date received must be today or in the past", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewContactPage_Saves_ThenTheContactPageShowsMarkupAsText()
    {
        var client = ClientFor(Practitioner);

        var response = await PostFormAsync(client, "/FrontDoor/Contacts/New", ContactForm("Bruising " + Script));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await WithDbAsync(db => db.Contacts.SingleAsync());
        Assert.Equal($"/FrontDoor/Contacts/{contact.Id}", response.Headers.Location!.OriginalString);
        var page = await client.GetAsync(response.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bruising &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Contains("Due 25 November 2026 at 09:15", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionPages_CheckYourAnswersThenConfirm_MakesTheReferral()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var client = ClientFor(Practitioner);
        var url = $"/FrontDoor/Contacts/{contactId}/Decision";
        var answers = new List<KeyValuePair<string, string>>
        {
            F("Input.Version", (await ContactVersionAsync(contactId)).ToString()), F("Input.Outcome", "Referral"), F("Input.ReferralSourceCode", "2A"),
            F("Input.PrimaryNeedCode", "N1"), F("Input.TeamId", AssessmentTeam.ToString()), F("Input.Rationale", "Bruising unexplained " + Script),
        };

        var check = await PostFormAsync(client, url + "?handler=Check", answers, url);
        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Check your decision", html, StringComparison.Ordinal);
        Assert.Contains("Assessment", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync()));

        var confirm = await PostFormAsync(client, url + "?handler=Confirm", answers, url);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.Referrals.CountAsync(r => r.ChildId == childId)));
        var details = await (await client.GetAsync($"/FrontDoor/Contacts/{contactId}")).Content.ReadAsStringAsync();
        Assert.Contains("Referral to children&#x27;s social care", details, StringComparison.Ordinal);
        Assert.Contains("In force", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionPage_WithoutRationale_Returns400AndKeepsTheChoice()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var url = $"/FrontDoor/Contacts/{contactId}/Decision";

        var response = await PostFormAsync(ClientFor(Practitioner), url + "?handler=Check",
            [F("Input.Version", (await ContactVersionAsync(contactId)).ToString()), F("Input.Outcome", "EarlyHelp"), F("Input.Rationale", "")], url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the rationale for the decision", html, StringComparison.Ordinal);
        Assert.Contains("Select the early help locality team", html, StringComparison.Ordinal);
        Assert.Contains("value=\"EarlyHelp\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_ShowsOverdueContactsAndTheirDeadline_ToTheFrontDoorOnly()
    {
        await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 23, 8, 0, 0)));
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");

        var response = await ClientFor(Practitioner).GetAsync("/FrontDoor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overdue (1)", html, StringComparison.Ordinal);
        Assert.Contains("2 hours overdue", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(keyworker).GetAsync("/FrontDoor")).StatusCode);
    }

    [Fact]
    public async Task AlertPage_OpeningAnAlert_MarksItReadAndGoesToTheContact()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.StrategyDiscussion);
        var client = ClientFor(AssessmentManager);
        var home = await (await client.GetAsync("/Team")).Content.ReadAsStringAsync();
        Assert.Contains("Strategy discussion needed now", home, StringComparison.Ordinal);
        var id = await WithDbAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());

        // As a browser would: the alert's own form, with its own antiforgery token.
        var response = await PressAsync(client, "/Team", "Strategy discussion needed now");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/FrontDoor/Contacts/{contactId}", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Strategy discussion needed now", await (await client.GetAsync("/Team")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> HomePages => ["/MyWork", "/Team", "/FrontDoor"];

    [Theory]
    [MemberData(nameof(HomePages))]
    public async Task HomePage_OpeningAnAlert_MarksItReadAndGoesWhereItPoints(string home)
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Casey Marsh");
        var user = home switch { "/MyWork" => worker, "/Team" => Manager, _ => Practitioner };
        await WithDbAsync(async db =>
        {
            db.Notifications.Add(new Domain.Notifications.Notification(user, "A case is transferring to your team: read the handover and allocate", "/Transfers", false, AppFactory.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
        var client = ClientFor(user);

        var response = await PressAsync(client, home, "A case is transferring to your team");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Transfers", response.Headers.Location!.OriginalString);
        Assert.NotNull(await WithDbAsync(db => db.Notifications.Select(n => n.ReadAtUtc).SingleAsync()));
        Assert.DoesNotContain("A case is transferring to your team", await client.GetStringAsync(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewContactPage_SentTwiceWithTheSameSubmission_RecordsOneContactAndBothLandOnIt()
    {
        var client = ClientFor(Practitioner);
        var form = FormPostingTo(await PageAsync(client, "/FrontDoor/Contacts/New"), "/FrontDoor/Contacts/New", "/FrontDoor/Contacts/New");

        var first = await SubmitAsync(client, form, ContactForm("Bruising on the child's arm"));
        var second = await SubmitAsync(client, form, ContactForm("Bruising on the child's arm"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var contactId = await WithDbAsync(db => db.Contacts.Select(c => c.Id).SingleAsync());
        Assert.Contains(contactId.ToString(), first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task EveryFrontDoorPage_AnswersWithoutError()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        await SendAsUserAsync(Practitioner, new RecordConsultation.Command
        {
            ContactId = contactId, Version = await ContactVersionAsync(contactId), Discussion = "Talked", Advice = "Advice", BestPlaced = BestPlaced.EarlyHelp,
        });
        var client = ClientFor(Manager);

        foreach (var url in new[]
        {
            "/FrontDoor", "/FrontDoor?status=Decided", "/FrontDoor?held=Unassigned&route=Email&urgency=Urgent", "/FrontDoor/Contacts/New",
            $"/FrontDoor/Contacts/{contactId}", $"/FrontDoor/Contacts/{contactId}/Edit", $"/FrontDoor/Contacts/{contactId}/People",
            $"/FrontDoor/Contacts/{contactId}/Consultation", $"/FrontDoor/Contacts/{contactId}/Decision", $"/FrontDoor/Contacts/{contactId}/SignOff",
            $"/FrontDoor/Contacts/{contactId}/Assign", "/Performance",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/FrontDoor/Contacts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ChildRecord_ContactsAndReferrals_ListsTheChildsContactsAndReferral()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        var socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");

        var response = await ClientFor(socialWorker).GetAsync($"/People/{childId}/Contacts");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/FrontDoor/Contacts/{contactId}", html, StringComparison.Ordinal);
        Assert.Contains("24 November 2026", html, StringComparison.Ordinal);
        Assert.Contains("Abuse, neglect and exploitation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a contact about", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.PerformanceOfficer)]
    [InlineData(Roles.Administrator)]
    public async Task QueueAndContactPages_AreNotShownToRolesWithoutCaseAccess(string role)
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var client = ClientFor(await CreateUserAsync(role, "Dev Lindqvist"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/FrontDoor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/FrontDoor/Contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/FrontDoor/Checks")).StatusCode);
    }

    [Fact]
    public async Task ConsultationPage_BadInput_Returns400KeepsTextAndEncodesIt()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var url = $"/FrontDoor/Contacts/{contactId}/Consultation";

        var response = await PostFormAsync(ClientFor(Practitioner), url,
        [
            F("Input.Version", (await ContactVersionAsync(contactId)).ToString()), F("Input.Discussion", "Talked it through " + Script),
            F("Input.Advice", new string('b', 100 * 1024)), F("Input.Actions[0].Action", "Meet mum"), F("Input.Actions[0].Owner", ""),
            F("Input.Actions[0].DueOn.Day", "2"), F("Input.Actions[0].DueOn.Month", "2"), F("Input.Actions[0].DueOn.Year", "2021"),
            F("Input.FollowUpOn.Day", "1"), F("Input.FollowUpOn.Month", "1"), F("Input.FollowUpOn.Year", "2020"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The advice given must be 10,000 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains("Select who is best placed to meet the child", html, StringComparison.Ordinal);
        Assert.Contains("Enter who owns the action", html, StringComparison.Ordinal);
        Assert.Contains("The date an action is due must be today or in the future", html, StringComparison.Ordinal);
        Assert.Contains("The follow-up date must be today or in the future", html, StringComparison.Ordinal);
        Assert.Contains("Talked it through &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Meet mum\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOffPage_NoChoice_Returns400_ReturnedWithoutAReason_Refused()
    {
        Settings.DecisionsNeedManagerSignOff = true;
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.NoFurtherAction);
        var url = $"/FrontDoor/Contacts/{contactId}/SignOff";
        var client = ClientFor(Manager);

        var none = await PostFormAsync(client, url, [F("Input.Version", (await ContactVersionAsync(contactId)).ToString())]);
        var noReason = await PostFormAsync(client, url, [F("Input.Version", (await ContactVersionAsync(contactId)).ToString()), F("Input.Agreed", "false")]);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Select whether you agree the decision", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the decision is not agreed", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ContactStatus.AwaitingSignOff, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task DecisionPage_ShowsTheReReferralWarningWhileDeciding()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await WithDbAsync(async db =>
        {
            db.Referrals.Add(new Domain.SocialCare.Referral(childId, null, new DateOnly(2026, 6, 1), "3A", "N4", AssessmentTeam, false, null, Domain.Calendar.WorkingDayCalendar.EnglandAndWales));
            await db.SaveChangesAsync();
        });

        var html = await (await ClientFor(Practitioner).GetAsync($"/FrontDoor/Contacts/{contactId}/Decision")).Content.ReadAsStringAsync();

        Assert.Contains("Re-referral: Riley Taylor was referred to children's social care on 1 June 2026", html, StringComparison.Ordinal);
        Assert.Contains("1 referral", html, StringComparison.Ordinal);
    }
}
