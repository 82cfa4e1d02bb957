using System.Net;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>The public "Request support for a child" form at /request, over HTTP with no sign-in.</summary>
public sealed class OnlineRequestTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Script = "<script>alert(1)</script>";
    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_WholeFlowAsAProfessional_CreatesOneContactAwaitingDecisionAndShowsTheReference()
    {
        var client = await StartAsync();
        await AnswerAsProfessionalAsync(client);
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await Ok(client, "/request/children", F("Input.AddAnother", "true"));
        await AddChildAsync(client, "Sky", "Brannock", string.Empty, string.Empty, string.Empty, "about 3");
        await FinishAsync(client, concerns: "Riley has come to school hungry and with bruises on two days this week.");

        var sent = await PostFormAsync(client, "/request/check-answers", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/request/confirmation", sent.Headers.Location?.OriginalString);
        var confirmation = await client.GetStringAsync("/request/confirmation", Ct);

        var contact = await WithDbAsync(db => db.Contacts.Include(c => c.ReportedChildren).SingleAsync(Ct));
        Assert.Equal(ContactRoute.OnlineRequest, contact.Route);
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Equal(ContactUrgency.Routine, contact.Urgency);
        Assert.Equal(AppFactory.Now.UtcDateTime, contact.ReceivedAtUtc);
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), contact.DecisionDueAtUtc); // Tuesday 10:00 → Wednesday 10:00
        Assert.Null(contact.RecordedById);
        Assert.Equal(new Referrer("Dana Whitlow", "Oakfield Primary School", "Designated safeguarding lead", null, "dana.whitlow@school.example", "2A"), contact.Referrer);
        Assert.Equal("Riley has come to school hungry and with bruises on two days this week.", contact.Account.Concerns);
        Assert.Equal(ConsentToShare.Given, contact.Consent);
        Assert.Collection(
            contact.ReportedChildren.OrderBy(c => c.GivenName),
            riley =>
            {
                Assert.Equal(("Riley", "Brannock", new DateOnly(2018, 5, 14)), (riley.GivenName, riley.FamilyName, riley.DateOfBirth));
                Assert.Equal("Oakfield Primary School", riley.School);
            },
            sky =>
            {
                Assert.Equal(("Sky", "Brannock", (DateOnly?)null), (sky.GivenName, sky.FamilyName, sky.DateOfBirth));
                Assert.Equal("about 3", sky.AgeOrOtherDetails);
            });
        Assert.Contains(contact.Reference, confirmation, StringComparison.Ordinal);
        Assert.Contains("within one working day", confirmation, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.OnlineRequestDrafts.CountAsync(Ct)));

        // Nothing the requester typed reaches the logs.
        Assert.DoesNotContain(Factory.Logs.Entries, l => l.Message.Contains("Brannock", StringComparison.Ordinal)
            || l.Message.Contains("Whitlow", StringComparison.Ordinal) || l.Message.Contains("hungry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_FamilyMemberWithoutTheFamilysAgreement_RecordsSource1AAndTheReason()
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "MemberOfThePublic"));
        await Ok(client, "/request/relationship", F("Input.Relationship", "FamilyMember"));
        await Ok(client, "/request/your-details", F("Input.Name", "Pat Ellery"), F("Input.Phone", "07700 900 982"));
        await AddChildAsync(client, "Jordan", "Ellery", "2", "9", "2015");
        await Ok(client, "/request/children", F("Input.AddAnother", "false"));
        await Ok(client, "/request/adults", F("Input.Adults", "Jordan lives with mum, Kerry Ellery, and her partner."));
        await Ok(client, "/request/worries", F("Input.Concerns", "Shouting every night."), F("Input.WorkingWell", "Nan sees Jordan every Sunday."), F("Input.DayToDay", "Jordan stays in their room."));
        await Ok(client, "/request/consent", F("Input.FamilyAgreed", "No"), F("Input.NoConsentReason", "Kerry's partner would stop Jordan seeing me."));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/request/check-answers", [])).StatusCode);

        var contact = await WithDbAsync(db => db.Contacts.SingleAsync(Ct));
        Assert.Equal("1A", contact.Referrer.SourceCode);
        Assert.Null(contact.Referrer.Agency);
        Assert.Equal("07700 900 982", contact.Referrer.Phone);
        Assert.Equal(ConsentToShare.Refused, contact.Consent);
        Assert.Equal("Kerry's partner would stop Jordan seeing me.", contact.ConsentOverrideReason);
        Assert.Equal("Jordan lives with mum, Kerry Ellery, and her partner.", contact.ReportedAdults);
        Assert.Equal(new ContactAccount("Shouting every night.", "Nan sees Jordan every Sunday.", null, "Jordan stays in their room."), contact.Account);
    }

    [Theory]
    [InlineData("Self", "1C")]
    [InlineData("Other", "1D")]
    public async Task Submit_MemberOfThePublic_MapsTheirRelationshipToTheDfeSource(string relationship, string expected)
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "MemberOfThePublic"));
        await Ok(client, "/request/relationship", F("Input.Relationship", relationship));
        await Ok(client, "/request/your-details", F("Input.Name", "Sam Orme"), F("Input.Email", "sam@example.com"));
        await AddChildAsync(client, "Lee", "Orme", "1", "1", "2012");
        await FinishAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/request/check-answers", [])).StatusCode);

        Assert.Equal(expected, await WithDbAsync(db => db.Contacts.Select(c => c.Referrer.SourceCode).SingleAsync(Ct)));
    }

    public static TheoryData<string, string[], string, string?> InvalidPages => new()
    {
        { "/request/who", [], "Select whether you are a professional or a member of the public", null },
        { "/request/relationship", [], "Select the type of organisation you work for", null },
        { "/request/your-details", ["Input.Phone", "01632 960 001"], "Enter your name", "value=\"01632 960 001\"" },
        { "/request/your-details", ["Input.Name", "Dana Whitlow"], "Enter a phone number or an email address, so we can contact you", "value=\"Dana Whitlow\"" },
        { "/request/your-details", ["Input.Name", "Dana Whitlow", "Input.Email", "not-an-email"], "Enter an email address in the correct format, like name@example.com", "value=\"not-an-email\"" },
        { "/request/child", ["Input.FamilyName", "Brannock", "Input.AgeOrOtherDetails", "about 7"], "Enter the child&#x27;s first name", "value=\"Brannock\"" },
        { "/request/child", ["Input.GivenName", "Riley", "Input.FamilyName", "Brannock"], "Enter the child&#x27;s date of birth or, if you do not know it, their approximate age", "value=\"Riley\"" },
        { "/request/adults", ["Input.Adults", new string('a', 10_001)], "What you tell us about the adults must be 10,000 characters or fewer", null },
        { "/request/worries", ["Input.WorkingWell", "Grandad helps"], "Enter what you are worried about", ">Grandad helps</textarea>" },
        { "/request/consent", [], "Select whether the family knows and agrees to you sharing this information", null },
        { "/request/consent", ["Input.FamilyAgreed", "No"], "Enter why you are telling us without the family&#x27;s agreement", null },
    };

    [Theory]
    [MemberData(nameof(InvalidPages))]
    public async Task Page_InvalidAnswer_Returns400WithTheErrorSummaryAndKeepsTheInput(string url, string[] fields, string message, string? kept)
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "Professional"));

        var response = await PostFormAsync(client, url, Pairs(fields));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"govuk-visually-hidden\">Error:</span> {message}</p>", html, StringComparison.Ordinal);
        Assert.Contains($">{message}</a>", html, StringComparison.Ordinal);
        if (kept is not null)
        {
            Assert.Contains(kept, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("31", "2", "2020", "Date of birth must be a real date")]
    [InlineData("25", "11", "2026", "Enter a date of birth in the past")]
    [InlineData("1", "1", "2030", "Enter a date of birth in the past")]
    public async Task Child_ImpossibleOrFutureDateOfBirth_SaysSoBesideTheFieldAndKeepsWhatWasTyped(string day, string month, string year, string message)
    {
        var client = await StartAsync();

        var response = await PostFormAsync(client, "/request/child",
            [F("Input.GivenName", "Riley"), F("Input.FamilyName", "Brannock"), F("Input.DateOfBirth.Day", day), F("Input.DateOfBirth.Month", month), F("Input.DateOfBirth.Year", year)]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Error:</span> {message}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.DateOfBirth.Day\" type=\"text\" inputmode=\"numeric\" value=\"{day}\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.DateOfBirth.Year\" type=\"text\" inputmode=\"numeric\" value=\"{year}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Brannock\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_100KilobytesOfText_AreRefusedWithAMessageNeverA500()
    {
        var client = await StartAsync();
        var huge = new string('x', 100 * 1024);

        var worries = await PostFormAsync(client, "/request/worries", [F("Input.Concerns", huge)]);
        var child = await PostFormAsync(client, "/request/child", [F("Input.GivenName", huge), F("Input.FamilyName", "Brannock"), F("Input.AgeOrOtherDetails", "about 7")]);
        await Ok(client, "/request/who", F("Input.Kind", "Professional"));
        var details = await PostFormAsync(client, "/request/your-details", [F("Input.Name", "Dana"), F("Input.Organisation", huge), F("Input.Role", "Teacher"), F("Input.Phone", "01632 960 001")]);

        Assert.Equal(HttpStatusCode.BadRequest, worries.StatusCode);
        Assert.Contains("What you are worried about must be 10,000 characters or fewer", await worries.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, child.StatusCode);
        Assert.Contains("The child&#x27;s first name must be 100 characters or fewer", await child.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, details.StatusCode);
        Assert.Contains("The name of your organisation must be 200 characters or fewer", await details.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(huge, await WithDbAsync(db => db.OnlineRequestDrafts.Select(d => d.Answers).SingleAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAnswers_ScriptInEveryTextField_IsShownBackEncoded()
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "Professional"));
        await Ok(client, "/request/relationship", F("Input.AgencyCode", "6"));
        await Ok(client, "/request/your-details", F("Input.Name", Script), F("Input.Organisation", Script), F("Input.Role", Script), F("Input.Phone", "01632 960 001"));
        await Ok(client, "/request/child", F("Input.GivenName", Script), F("Input.FamilyName", Script), F("Input.AgeOrOtherDetails", Script), F("Input.Address", Script), F("Input.School", Script));
        await Ok(client, "/request/children", F("Input.AddAnother", "false"));
        await Ok(client, "/request/adults", F("Input.Adults", Script));
        await Ok(client, "/request/worries", F("Input.Concerns", Script), F("Input.WorkingWell", Script), F("Input.DayToDay", Script));
        await Ok(client, "/request/consent", F("Input.FamilyAgreed", "No"), F("Input.NoConsentReason", Script));

        var response = await client.GetAsync("/request/check-answers", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        // Name, organisation, role, child's first and last name (x2 each with the heading), age, address, school, adults, three accounts, reason.
        Assert.True(CountOf(html, EncodedScript) >= 14, $"Expected every answer shown back encoded, found {CountOf(html, EncodedScript)}");
    }

    [Theory]
    [InlineData("Input.Phone", "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    [InlineData("Input.Email", "Enter an email address in the correct format, like name@example.com")]
    public async Task YourDetails_ScriptInPhoneOrEmail_IsRefusedAndShownBackEncoded(string field, string message)
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "MemberOfThePublic"));

        var response = await PostFormAsync(client, "/request/your-details", [F("Input.Name", "Pat"), F(field, Script)]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{EncodedScript}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Honeypot_Filled_DiscardsTheRequestSilently()
    {
        var client = await StartAsync();
        await AnswerAsProfessionalAsync(client);
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await FinishAsync(client);

        var response = await PostFormAsync(client, "/request/check-answers", [F("Website", "http://spam.example")]);
        var confirmation = await client.GetAsync("/request/confirmation", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/request/confirmation", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Contacts.CountAsync(Ct)));
        Assert.Equal(0, await WithDbAsync(db => db.OnlineRequestDrafts.CountAsync(Ct)));
        Assert.Contains(Factory.Logs.Entries, l => l.Message.Contains("honeypot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Honeypot_FilledOnAQuestionPage_SavesNothing()
    {
        var client = await StartAsync();

        await PostFormAsync(client, "/request/who", [F("Input.Kind", "Professional"), F("Website", "x")]);

        Assert.Equal(0, await WithDbAsync(db => db.OnlineRequestDrafts.CountAsync(Ct)));
        Assert.Equal("/request?expired=true", (await client.GetAsync("/request/who", Ct)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Draft_CookieIsHttpOnlyStrictAndScopedToTheForm()
    {
        var client = AnonymousClient();

        var response = await PostFormAsync(client, "/request", []);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Secure-childrenservices.request=", StringComparison.Ordinal));
        Assert.Contains("path=/request", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var draftId = await WithDbAsync(db => db.OnlineRequestDrafts.Select(d => d.Id).SingleAsync(Ct));
        Assert.Contains(draftId.ToString(), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_CookieOverHttps_IsSecure()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

        var response = await PostFormAsync(client, "/request", []);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Secure-childrenservices.request=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Confirmation_ShownOnce_ThenNothingIsLeftToShow()
    {
        var client = await StartAsync();
        await AnswerAsProfessionalAsync(client);
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await FinishAsync(client);
        await PostFormAsync(client, "/request/check-answers", []);

        var first = await client.GetAsync("/request/confirmation", Ct);
        var again = await client.GetAsync("/request/confirmation", Ct);
        var stranger = await AnonymousClient().GetAsync("/request/confirmation", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("/request", again.Headers.Location?.OriginalString);
        Assert.Equal("/request", stranger.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Draft_ExpiredAfter24Hours_SendsThePersonBackToTheStartWithAMessage()
    {
        var client = await StartAsync();
        await Ok(client, "/request/who", F("Input.Kind", "Professional"));
        Factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var page = await client.GetAsync("/request/relationship", Ct);
        var start = await client.GetStringAsync(page.Headers.Location!.OriginalString, Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/request?expired=true", page.Headers.Location.OriginalString);
        Assert.Contains("You need to start again", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_ExpiredWhileSending_SendsNothingAndRestarts()
    {
        var client = await StartAsync();
        await AnswerAsProfessionalAsync(client);
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await FinishAsync(client);
        var token = await TokenFromAsync(client, "/request/check-answers");
        Factory.Clock.Advance(TimeSpan.FromHours(25));

        var response = await client.PostAsync("/request/check-answers", new FormUrlEncodedContent([F("__RequestVerificationToken", token)]), Ct);

        Assert.Equal("/request?expired=true", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await WithDbAsync(db => db.Contacts.CountAsync(Ct)));
    }

    [Fact]
    public async Task Pages_AnotherBrowser_NeverSeesSomeoneElsesAnswers()
    {
        var first = await StartAsync();
        await AnswerAsProfessionalAsync(first);
        await AddChildAsync(first, "Riley", "Brannock", "14", "5", "2018");

        var stranger = AnonymousClient();
        var noCookie = await stranger.GetAsync("/request/your-details", Ct);
        var guessed = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppFactory.BaseAddress });
        guessed.DefaultRequestHeaders.Add("Cookie", $"__Secure-childrenservices.request={Guid.NewGuid()}");
        var wrongCookie = await guessed.GetAsync("/request/child", Ct);
        await PostFormAsync(stranger, "/request", []);
        await Ok(stranger, "/request/who", F("Input.Kind", "Professional"));
        var ownForm = await stranger.GetStringAsync("/request/your-details", Ct);
        var ownChildren = await stranger.GetAsync("/request/children", Ct);

        Assert.Equal("/request?expired=true", noCookie.Headers.Location?.OriginalString);
        Assert.Equal("/request?expired=true", wrongCookie.Headers.Location?.OriginalString);
        Assert.DoesNotContain("Whitlow", ownForm, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Name\" type=\"text\" value=\"\"", ownForm, StringComparison.Ordinal);
        Assert.Equal("/request/child", ownChildren.Headers.Location?.OriginalString);
        Assert.Equal(2, await WithDbAsync(db => db.OnlineRequestDrafts.CountAsync(Ct)));
    }

    [Fact]
    public async Task Children_ChangeAndRemove_EditTheList()
    {
        var client = await StartAsync();
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await Ok(client, "/request/children", F("Input.AddAnother", "true"));
        await AddChildAsync(client, "Sky", "Brannock", string.Empty, string.Empty, string.Empty, "about 3");
        var answers = await WithDbAsync(db => db.OnlineRequestDrafts.Select(d => d.Answers).SingleAsync(Ct));
        var ids = Application.FrontDoor.OnlineRequestAnswers.FromJson(answers).Children.Select(c => c.Id).ToList();

        await Ok(client, $"/request/child/{ids[0]}", F("Input.GivenName", "Rylee"), F("Input.FamilyName", "Brannock"), F("Input.AgeOrOtherDetails", "7"));
        var removed = await PostFormAsync(client, $"/request/children?handler=Remove&childId={ids[1]}", [], "/request/children");
        var list = await client.GetStringAsync("/request/children", Ct);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("You have told us about 1 child", list, StringComparison.Ordinal);
        Assert.Contains("Rylee Brannock", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Sky", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_RemoveButton_RemovesTheChild()
    {
        var client = await StartAsync();
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await Ok(client, "/request/children", F("Input.AddAnother", "true"));
        await AddChildAsync(client, "Sky", "Brannock", string.Empty, string.Empty, string.Empty, "about 3");

        // The second "Remove" button on the list, as a browser would press it: its own form and token.
        var removed = await PressAsync(client, "/request/children", "Remove", index: 1);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var list = await client.GetStringAsync("/request/children", Ct);
        Assert.Contains("You have told us about 1 child", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Sky", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_RefusedPost_ErrorPageSendsThePublicBackToTheForm_NotToStaffSignIn()
    {
        var client = await StartAsync();
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        var form = FormWithButton(await PageAsync(client, "/request/children"), "/request/children", "Remove");

        // A form without its token (as the Remove buttons were): refused, and the page says where to go.
        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Hidden.Where(f => f.Key != TokenField)), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"/request\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Go to your home page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Account/SignIn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAnswers_ChangeLink_ReturnsToCheckYourAnswers()
    {
        var client = await StartAsync();
        await AnswerAsProfessionalAsync(client);
        await AddChildAsync(client, "Riley", "Brannock", "14", "5", "2018");
        await FinishAsync(client);

        var check = await client.GetStringAsync("/request/check-answers", Ct);
        var changed = await PostFormAsync(client, "/request/worries?change=answers", [F("Input.Concerns", "A different worry")]);

        Assert.Contains("href=\"/request/worries?change=answers\"", check, StringComparison.Ordinal);
        Assert.Equal("/request/check-answers", changed.Headers.Location?.OriginalString);
        Assert.Contains("A different worry", await client.GetStringAsync("/request/check-answers", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_TooManyPostsFromOneAddress_Answers429WithAFriendlyPage()
    {
        await using var limited = Factory.WithWebHostBuilder(b => b.UseSetting("FrontDoor:OnlineRequestRateLimits:PostsPerWindow", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AppFactory.BaseAddress });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/request", [])).StatusCode);
        }

        var refused = await PostFormAsync(client, "/request", []);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("You have sent too many requests", html, StringComparison.Ordinal);
        Assert.Contains("call 999", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/request", Ct)).StatusCode);
    }

    [Fact]
    public async Task RateLimit_SendingMoreThanTheSubmitLimit_Answers429AndCreatesNoMoreContacts()
    {
        await using var limited = Factory.WithWebHostBuilder(b => b.UseSetting("FrontDoor:OnlineRequestRateLimits:SubmitsPerWindow", "1"));
        HttpClient NewClient() => limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AppFactory.BaseAddress });

        var first = NewClient();
        await StartAsync(first);
        await AnswerAsProfessionalAsync(first);
        await AddChildAsync(first, "Riley", "Brannock", "14", "5", "2018");
        await FinishAsync(first);
        var second = NewClient();
        await StartAsync(second);
        await AnswerAsProfessionalAsync(second);
        await AddChildAsync(second, "Sky", "Brannock", "1", "6", "2021");
        await FinishAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(first, "/request/check-answers", [])).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostFormAsync(second, "/request/check-answers", [])).StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.Contacts.CountAsync(Ct)));
    }

    private async Task<HttpClient> StartAsync(HttpClient? client = null)
    {
        client ??= AnonymousClient();
        var response = await PostFormAsync(client, "/request", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/request/who", response.Headers.Location?.OriginalString);
        return client;
    }

    private static async Task AnswerAsProfessionalAsync(HttpClient client)
    {
        await Ok(client, "/request/who", F("Input.Kind", "Professional"));
        await Ok(client, "/request/relationship", F("Input.AgencyCode", "2A"));
        await Ok(client, "/request/your-details",
            F("Input.Name", "Dana Whitlow"), F("Input.Organisation", "Oakfield Primary School"), F("Input.Role", "Designated safeguarding lead"), F("Input.Email", "dana.whitlow@school.example"));
    }

    private static Task AddChildAsync(HttpClient client, string given, string family, string day, string month, string year, string? age = null) =>
        Ok(client, "/request/child",
            F("Input.GivenName", given), F("Input.FamilyName", family), F("Input.DateOfBirth.Day", day), F("Input.DateOfBirth.Month", month), F("Input.DateOfBirth.Year", year),
            F("Input.AgeOrOtherDetails", age ?? string.Empty), F("Input.School", "Oakfield Primary School"));

    private static async Task FinishAsync(HttpClient client, string concerns = "Worried about the child's safety at home.")
    {
        await Ok(client, "/request/children", F("Input.AddAnother", "false"));
        await Ok(client, "/request/adults", F("Input.Adults", string.Empty));
        await Ok(client, "/request/worries", F("Input.Concerns", concerns));
        await Ok(client, "/request/consent", F("Input.FamilyAgreed", "Yes"));
    }

    /// <summary>Posts a page's answers and checks they were accepted (a redirect onwards).</summary>
    private static async Task Ok(HttpClient client, string url, params KeyValuePair<string, string>[] fields)
    {
        var response = await PostFormAsync(client, url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.NotEqual("/request?expired=true", response.Headers.Location?.OriginalString);
    }

    private static KeyValuePair<string, string>[] Pairs(string[] fields) =>
        [.. fields.Chunk(2).Select(p => F(p[0], p[1]))];

    private static int CountOf(string html, string text)
    {
        var count = 0;
        for (var i = html.IndexOf(text, StringComparison.Ordinal); i >= 0; i = html.IndexOf(text, i + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
