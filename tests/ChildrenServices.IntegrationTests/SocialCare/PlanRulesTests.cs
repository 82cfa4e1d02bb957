using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// Issue 12's rules for plans, through the use cases, named with the CIN census rule each protects. The fake clock's
/// today is Tuesday 24 November 2026, the referral's date.
/// </summary>
public sealed class PlanRulesTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid reviewingOfficer;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> EnquiryVersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    private Task<Guid> PlanVersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    /// <summary>Strategy discussion and section 47 concluded on <paramref name="on"/>, a conference needed: returns the enquiry.</summary>
    private async Task<Guid> EnquiryAsync(Guid childId, DateOnly on)
    {
        var id = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = on, Agencies = "Police, school", Section47 = true, Rationale = "Bruise to the cheek." });
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await EnquiryVersionAsync(id), ConcludedOn = on, Findings = "Harm likely.", ConferenceNeeded = true });
        return id;
    }

    private async Task ConferenceAsync(Guid childId, Guid enquiryId, DateOnly heldOn) =>
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = enquiryId, Version = await EnquiryVersionAsync(enquiryId), HeldOn = heldOn, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" });

    [Fact]
    public async Task Rule4001_APlanFromTheInitialConference_EndsTheOpenChildInNeedPlanThatDay_ButNotBeforeAVisitUnderIt()
    {
        var childId = await ReferredChildAsync();
        await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today });
        var enquiry = await EnquiryAsync(childId, Today);
        Factory.Clock.Advance(TimeSpan.FromDays(2)); // Thursday 26 November
        var cinPlan = await WithDbAsync(db => db.ChildInNeedPlans.Select(p => p.Id).SingleAsync());
        await SendAsUserAsync(socialWorker, new RecordChildInNeedVisit.Command { PersonId = childId, PlanId = cinPlan, VisitedOn = Today.AddDays(2), ChildSeen = true });

        var beforeTheVisit = await Assert.ThrowsAsync<DomainRuleException>(() => ConferenceAsync(childId, enquiry, Today.AddDays(1)));
        Assert.Equal(("HeldOn", 0), (beforeTheVisit.Field, await WithDbAsync(db => db.ChildProtectionPlans.CountAsync())));
        await ConferenceAsync(childId, enquiry, Today.AddDays(2));

        var cin = await WithDbAsync(db => db.ChildInNeedPlans.SingleAsync());
        Assert.Equal((Today.AddDays(2), ChildInNeedPlan.EndedByChildProtectionPlan), (cin.EndedOn, cin.EndReason));
        Assert.Equal(Today.AddDays(2), await WithDbAsync(db => db.ChildProtectionPlans.Select(p => p.StartedOn).SingleAsync()));
    }

    [Fact]
    public async Task Rule4016_AChildInNeedPlan_CannotStartWhileTheChildProtectionPlanIsOpen_ButCanFromTheDayItEnds()
    {
        var childId = await ReferredChildAsync();
        await ConferenceAsync(childId, await EnquiryAsync(childId, Today), Today);
        var open = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today }));
        Assert.Equal("StartedOn", open.Field);

        Factory.Clock.Advance(TimeSpan.FromDays(7)); // Tuesday 1 December
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.Select(p => p.Id).SingleAsync());
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = plan, Version = await PlanVersionAsync(plan), HeldOn = Today.AddDays(7), PlanContinues = false, Decision = "Child in need support instead." });
        var beforeItEnded = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today.AddDays(6) }));
        await SendAsUserAsync(socialWorker, new StartChildInNeedPlan.Command { PersonId = childId, StartedOn = Today.AddDays(7) });

        Assert.Contains("CIN rule 4017", beforeItEnded.Message, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(7), await WithDbAsync(db => db.ChildInNeedPlans.Select(p => p.StartedOn).SingleAsync()));
    }

    [Fact]
    public async Task Rule8935_ASecondOpenChildProtectionPlan_IsRefusedOnTheOutcome_AndRule8940_OneBeforeTheLastEnded_OnTheDate()
    {
        var childId = await ReferredChildAsync();
        await ConferenceAsync(childId, await EnquiryAsync(childId, Today), Today);
        var second = await EnquiryAsync(childId, Today);

        var whileOpen = await Assert.ThrowsAsync<DomainRuleException>(() => ConferenceAsync(childId, second, Today));
        Assert.Equal(("Outcome", PlanOverlap.SecondOpenChildProtectionPlan), (whileOpen.Field, whileOpen.Message));

        Factory.Clock.Advance(TimeSpan.FromDays(7)); // Tuesday 1 December
        var first = await WithDbAsync(db => db.ChildProtectionPlans.Select(p => p.Id).SingleAsync());
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = first, Version = await PlanVersionAsync(first), HeldOn = Today.AddDays(7), PlanContinues = false, Decision = "Ends." });
        var overlapping = await Assert.ThrowsAsync<DomainRuleException>(() => ConferenceAsync(childId, second, Today.AddDays(6)));
        await ConferenceAsync(childId, second, Today.AddDays(7));

        Assert.Equal("HeldOn", overlapping.Field);
        Assert.Equal(2, await WithDbAsync(db => db.ChildProtectionPlans.CountAsync(p => p.ChildId == childId)));
    }

    [Fact]
    public async Task Rule8730_PlansUnderOtherCouncils_EnteredAtTheConference_AreCountedWithThePlansHere_AndOnlyWithAPlan()
    {
        var childId = await ReferredChildAsync();
        var enquiry = await EnquiryAsync(childId, Today);
        var withoutAPlan = await Assert.ThrowsAsync<FluentValidation.ValidationException>(async () => await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command
        {
            PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersionAsync(enquiry), HeldOn = Today, Outcome = ConferenceOutcome.ChildInNeedPlan, PreviousPlansElsewhere = 1,
        }));
        Assert.Contains(withoutAPlan.Errors, e => e.PropertyName == nameof(RecordInitialConference.Command.PreviousPlansElsewhere));

        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command
        {
            PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersionAsync(enquiry), HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG", PreviousPlansElsewhere = 2,
        });

        Assert.Equal(2, await WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.ChildId == childId).Select(p => p.PreviousPlansElsewhere).SingleAsync()));
        Assert.Equal(2, (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).PreviousPlans);
        Assert.Contains("has had 2 previous child protection plans", await Pages.PageHelpers.PageAsync(ClientFor(socialWorker), $"/People/{childId}/ChildProtection"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConferencePage_RefusesANumberOfPlansElsewhereThatIsNotOne_BesideTheField_KeepingTheAnswers()
    {
        var childId = await ReferredChildAsync();
        var enquiry = await EnquiryAsync(childId, Today);
        var url = $"/People/{childId}/ChildProtection/Conference";

        var typo = await Pages.PageHelpers.PostFormAsync(ClientFor(reviewingOfficer), url,
            [Pages.PageHelpers.F("Input.HeldOn.Day", "24"), Pages.PageHelpers.F("Input.HeldOn.Month", "11"), Pages.PageHelpers.F("Input.HeldOn.Year", "2026"),
             Pages.PageHelpers.F("Input.Outcome", nameof(ConferenceOutcome.ChildProtectionPlan)), Pages.PageHelpers.F("Input.InitialCategory", "NEG"), Pages.PageHelpers.F("Input.PreviousPlansElsewhere", "two")]);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, typo.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await typo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#Input_PreviousPlansElsewhere-error")?.TextContent));
        Assert.Equal("two", (page.QuerySelector("#Input_PreviousPlansElsewhere") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.Equal("NEG", (page.QuerySelector("select[name='Input.InitialCategory']") as AngleSharp.Html.Dom.IHtmlSelectElement)?.Value);
        Assert.Null(await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == enquiry).Select(e => e.ConferenceHeldOn).SingleAsync()));
    }

    [Fact]
    public async Task APlanEndedOutsideAConference_ForAMoveToAnotherCouncil_KeepsItsReason_AndTheCaseCanThenClose()
    {
        var childId = await ReferredChildAsync();
        await ConferenceAsync(childId, await EnquiryAsync(childId, Today), Today);
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.Select(p => p.Id).SingleAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(3)); // Friday 27 November
        var stillOpen = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RequestCaseClosure.Command { PersonId = childId, ReasonCode = "RC5", Reasons = "Moved to Leeds." }));
        Assert.StartsWith("The child protection plan is still open", stillOpen.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(Practitioner, new EndChildProtectionPlan.Command { PersonId = childId, PlanId = plan, Version = await PlanVersionAsync(plan), EndedOn = Today.AddDays(3), Reason = ChildProtectionPlanEnd.MovedToAnotherCouncil, Details = "x" }));

        await SendAsUserAsync(socialWorker, new EndChildProtectionPlan.Command { PersonId = childId, PlanId = plan, Version = await PlanVersionAsync(plan), EndedOn = Today.AddDays(3), Reason = ChildProtectionPlanEnd.MovedToAnotherCouncil, Details = "Moved to Leeds; their initial conference is booked." });

        var ended = await WithDbAsync(db => db.ChildProtectionPlans.SingleAsync());
        Assert.Equal((Today.AddDays(3), ChildProtectionPlanEnd.MovedToAnotherCouncil), (ended.EndedOn, ended.EndedBy));
        await SendAsUserAsync(socialWorker, new RequestCaseClosure.Command { PersonId = childId, ReasonCode = "RC5", Reasons = "Moved to Leeds; case transferred." });
    }

    [Fact]
    public async Task TheEndPage_KeepsWhatWasTyped_WithTheErrorBesideTheField_ThenEndsThePlan()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await ReferredChildAsync();
        await ConferenceAsync(childId, await EnquiryAsync(childId, Today), Today);
        var worker = ClientFor(socialWorker);
        Assert.Contains($"/People/{childId}/ChildProtection/End", await Pages.PageHelpers.PageAsync(worker, $"/People/{childId}/ChildProtection"), StringComparison.Ordinal);
        var url = $"/People/{childId}/ChildProtection/End";

        var blank = await Pages.PageHelpers.PostFormAsync(worker, url, []);
        Assert.Contains("Select why the plan is ending", await blank.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var sameDay = await Pages.PageHelpers.PostFormAsync(worker, url,
            [Pages.PageHelpers.F("Input.Reason", "ChildDied"), Pages.PageHelpers.F("Input.EndedOn.Day", "24"), Pages.PageHelpers.F("Input.EndedOn.Month", "11"), Pages.PageHelpers.F("Input.EndedOn.Year", "2026"), Pages.PageHelpers.F("Input.Details", "Police & <coroner> informed")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, sameDay.StatusCode);
        var html = await sameDay.Content.ReadAsStringAsync(ct);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("(CIN rule 8840)", html, StringComparison.Ordinal);
        Assert.Contains("Police &amp; &lt;coroner&gt; informed", html, StringComparison.Ordinal);
        Assert.Matches("value=\"ChildDied\"[^>]*checked", html);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(Practitioner).GetAsync(url, ct)).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var done = await Pages.PageHelpers.PostFormAsync(worker, url,
            [Pages.PageHelpers.F("Input.Reason", "Adopted"), Pages.PageHelpers.F("Input.EndedOn.Day", "25"), Pages.PageHelpers.F("Input.EndedOn.Month", "11"), Pages.PageHelpers.F("Input.EndedOn.Year", "2026"), Pages.PageHelpers.F("Input.Details", "Adoption order made.")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ChildProtectionPlanEnd.Adopted, await WithDbAsync(db => db.ChildProtectionPlans.Select(p => p.EndedBy).SingleAsync()));
        Assert.Contains("The child was adopted: Adoption order made.", await Pages.PageHelpers.PageAsync(worker, $"/People/{childId}/ChildProtection"), StringComparison.Ordinal);
    }
}
