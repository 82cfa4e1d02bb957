using ChildrenServices.Application.Home;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// Strategy discussion → section 47 enquiry → initial child protection conference, with the census
/// dates (S47 start, ICPC target 15 working days on, ICPC date or "not required") and the deadlines on
/// the worktray. The fake clock's today is Tuesday 24 November 2026.
/// </summary>
public sealed class ChildProtectionTests(AppFactory factory) : FrontDoorTestBase(factory)
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

    private async Task<Guid> ReferredChildAsync(ContactOutcome outcome = ContactOutcome.Referral)
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, outcome);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private Task<Guid> StrategyAsync(Guid childId, bool section47 = true, DateOnly? on = null) =>
        SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = on ?? Today, Agencies = "Police, school nurse, social care", Section47 = section47, Rationale = "Bruise to the cheek; account inconsistent." });

    private Task<Guid> VersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    [Fact]
    public async Task StrategyToSection47ToConference_RecordsTheCensusDates_AndTheChair()
    {
        var childId = await ReferredChildAsync();
        var id = await StrategyAsync(childId);
        Assert.Equal(new DateOnly(2026, 12, 15), await WithDbAsync(db => db.ChildProtectionEnquiries.Select(e => e.ConferenceTargetOn).SingleAsync()));
        Factory.Clock.Advance(TimeSpan.FromDays(6)); // Monday 30 November

        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today.AddDays(6), Findings = "Non-accidental injury likely.", ConferenceNeeded = true });
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(socialWorker, new RecordInitialConference.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), HeldOn = Today.AddDays(6), Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "PHY" }));
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), HeldOn = Today.AddDays(6), Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "PHY" });

        var e = await WithDbAsync(db => db.ChildProtectionEnquiries.SingleAsync());
        Assert.Equal((Today, Today.AddDays(6), true, Today.AddDays(6), ConferenceOutcome.ChildProtectionPlan, "PHY", reviewingOfficer),
            (e.StrategyHeldOn, e.Section47ConcludedOn, e.ConferenceNeeded, e.ConferenceHeldOn, e.ConferenceOutcome, e.InitialCategory, e.ChairId));
        Assert.False(e.IsOpen);
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheField()
    {
        var childId = await ReferredChildAsync();

        var beforeReferral = await Assert.ThrowsAsync<DomainRuleException>(() => StrategyAsync(childId, on: Today.AddDays(-1)));
        var noDecision = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police", Rationale = "x" }));
        var id = await StrategyAsync(childId);
        var second = await Assert.ThrowsAsync<DomainRuleException>(() => StrategyAsync(childId));
        var endsBefore = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today.AddDays(-1), Findings = "x", ConferenceNeeded = false }));
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today, Findings = "Concerns not substantiated.", ConferenceNeeded = false });
        var noConference = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), HeldOn = Today, Outcome = ConferenceOutcome.NoFurtherAction }));
        var badCategory = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "XYZ" }));

        Assert.Equal(("HeldOn", "The strategy discussion cannot be before the referral date, 24 November 2026"), (beforeReferral.Field, beforeReferral.Message));
        Assert.Contains(noDecision.Errors, x => x.PropertyName == "Section47");
        Assert.Equal("Section47", second.Field);
        Assert.Equal("ConcludedOn", endsBefore.Field);
        Assert.Equal("No initial conference was called for by the enquiry", noConference.Message);
        Assert.Contains(badCategory.Errors, x => x.PropertyName == "InitialCategory");
        Assert.True(await WithDbAsync(db => db.ChildProtectionEnquiries.Select(e => e.ConferenceNeeded == false).SingleAsync()));
    }

    [Fact]
    public async Task Deadlines_StrategyForAnImmediateReferral_ThenTheEnquiry_ThenTheConference_OnTheWorktray()
    {
        var childId = await ReferredChildAsync(ContactOutcome.StrategyDiscussion);
        var due = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.Contains(due, r => r.Kind == DueKind.StrategyDiscussion && r.DueOn == new DateOnly(2026, 11, 26));

        var id = await StrategyAsync(childId);
        due = (await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!;
        Assert.DoesNotContain(due, r => r.Kind == DueKind.StrategyDiscussion);
        Assert.Contains(due, r => r.Kind == DueKind.Section47Enquiry && r.DueOn == new DateOnly(2026, 12, 2));

        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today, Findings = "Significant harm likely.", ConferenceNeeded = true });
        Factory.Clock.Advance(TimeSpan.FromDays(22)); // 16 December: the day after the target
        var conference = Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Timescales.GetTeamDueWork.Query()), r => r.Kind == DueKind.InitialConference);
        Assert.Equal((new DateOnly(2026, 12, 15), RagStatus.Red), (conference.DueOn, conference.Status));
    }

    [Fact]
    public async Task Pages_Answer_AndABlankStrategyFormKeepsWhatWasTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var childId = await ReferredChildAsync();
        var worker = ClientFor(socialWorker);
        var blank = await Pages.PageHelpers.PostFormAsync(worker, $"/People/{childId}/ChildProtection/Strategy",
            [Pages.PageHelpers.F("Input.HeldOn.Day", "24"), Pages.PageHelpers.F("Input.HeldOn.Month", "11"), Pages.PageHelpers.F("Input.HeldOn.Year", "2026"), Pages.PageHelpers.F("Input.Agencies", "Police & <school>")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, blank.StatusCode);
        var html = await blank.Content.ReadAsStringAsync(ct);
        Assert.Contains("Select whether a section 47 enquiry starts", html, StringComparison.Ordinal);
        Assert.Contains("Police &amp; &lt;school&gt;", html, StringComparison.Ordinal);

        var id = await StrategyAsync(childId);
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today, Findings = "Harm likely.", ConferenceNeeded = true });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await worker.GetAsync($"/People/{childId}/ChildProtection", ct)).StatusCode);
        var chair = ClientFor(reviewingOfficer);
        var form = await chair.GetAsync($"/People/{childId}/ChildProtection/Conference", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("15 December 2026", await form.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await worker.GetAsync($"/People/{childId}/ChildProtection/Conference", ct)).StatusCode);
    }

    [Fact]
    public async Task Rule8875_TheConferenceForm_RefusesAWeekendDate_NextToTheField_KeepingTheAnswers()
    {
        var childId = await ReferredChildAsync();
        var id = await StrategyAsync(childId);
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today, Findings = "Harm likely.", ConferenceNeeded = true });
        Factory.Clock.Advance(TimeSpan.FromDays(6)); // Monday 30 November: the weekend of 28 and 29 November has passed
        var chair = ClientFor(reviewingOfficer);
        var url = $"/People/{childId}/ChildProtection/Conference";
        KeyValuePair<string, string>[] HeldOn(int day) =>
            [Pages.PageHelpers.F("Input.HeldOn.Day", day.ToString(System.Globalization.CultureInfo.InvariantCulture)), Pages.PageHelpers.F("Input.HeldOn.Month", "11"), Pages.PageHelpers.F("Input.HeldOn.Year", "2026"),
             Pages.PageHelpers.F("Input.Outcome", nameof(ConferenceOutcome.ChildProtectionPlan)), Pages.PageHelpers.F("Input.InitialCategory", "NEG")];

        var saturday = await Pages.PageHelpers.PostFormAsync(chair, url, HeldOn(28));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, saturday.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await saturday.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("The initial conference cannot be on a weekend: 28 November 2026 is a Saturday", page.QuerySelector("#Input_HeldOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("28", (page.QuerySelector("input[name='Input.HeldOn.Day']") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.True((page.QuerySelector($"input[name='Input.Outcome'][value='{nameof(ConferenceOutcome.ChildProtectionPlan)}']") as AngleSharp.Html.Dom.IHtmlInputElement)?.IsChecked);
        Assert.Equal("NEG", (page.QuerySelector("select[name='Input.InitialCategory']") as AngleSharp.Html.Dom.IHtmlSelectElement)?.Value);
        Assert.Null(await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.ConferenceHeldOn).SingleAsync()));

        var friday = await Pages.PageHelpers.PostFormAsync(chair, url, HeldOn(27));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, friday.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 27), await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.ConferenceHeldOn).SingleAsync()));
    }

    /// <summary>Strategy today, enquiry concluded today, conference held today (Tuesday 24 November 2026) making a plan under neglect.</summary>
    private async Task<Guid> PlanAsync(Guid childId)
    {
        var id = await StrategyAsync(childId);
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), ConcludedOn = Today, Findings = "Neglect.", ConferenceNeeded = true });
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = id, Version = await VersionAsync(id), HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" });
        return await WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.ChildId == childId && p.EndedOn == null).Select(p => p.Id).SingleAsync());
    }

    private Task<Guid> PlanVersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    [Fact]
    public async Task APlanFromTheConference_HasItsCoreGroupReviewAndVisitsDue_ReviewsMoveTheCategory_AndAReviewEndsIt()
    {
        var childId = await ReferredChildAsync();
        var planId = await PlanAsync(childId);

        var plan = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!;
        Assert.Equal(("NEG", "NEG"), (plan.InitialCategory, plan.LatestCategory));
        Assert.Equal(
            [(DueKind.FirstCoreGroup, new DateOnly(2026, 12, 8)), (DueKind.ChildProtectionReview, new DateOnly(2027, 2, 24)), (DueKind.ChildProtectionVisit, new DateOnly(2026, 12, 8))],
            plan.DueNext.Select(d => (d.Kind, d.DueOn)));
        var closing = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new RequestCaseClosure.Command { PersonId = childId, ReasonCode = "RC7", Reasons = "x" }));
        var stepDown = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new Application.Approvals.RequestStepDown.Command { PersonId = childId, Stage = Domain.Approvals.StepDownStage.ChildInNeedPlan, Reasons = "x" }));
        Assert.StartsWith("The child protection plan is still open", closing.Message, StringComparison.Ordinal);
        Assert.StartsWith("The child protection plan is still open", stepDown.Message, StringComparison.Ordinal);

        Factory.Clock.Advance(TimeSpan.FromDays(7));
        await SendAsUserAsync(socialWorker, new RecordCoreGroup.Command { PersonId = childId, PlanId = planId, HeldOn = Today.AddDays(7) });
        await SendAsUserAsync(socialWorker, new RecordChildProtectionVisit.Command { PersonId = childId, PlanId = planId, VisitedOn = Today.AddDays(7), ChildSeen = true, SeenAlone = true });
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(socialWorker, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = planId, Version = await PlanVersionAsync(planId), HeldOn = Today.AddDays(7), PlanContinues = true, LatestCategory = "EMO", Decision = "x" }));
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = planId, Version = await PlanVersionAsync(planId), HeldOn = Today.AddDays(7), PlanContinues = true, LatestCategory = "EMO", Decision = "Continue; emotional harm now the main concern." });

        plan = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!;
        Assert.Equal("EMO", plan.LatestCategory);
        Assert.DoesNotContain(plan.DueNext, d => d.Kind == DueKind.FirstCoreGroup);
        Assert.Contains(plan.DueNext, d => d.Kind == DueKind.ChildProtectionReview && d.DueOn == new DateOnly(2027, 6, 1));

        Factory.Clock.Advance(TimeSpan.FromDays(7));
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = planId, Version = await PlanVersionAsync(planId), HeldOn = Today.AddDays(14), PlanContinues = false, Decision = "Risks reduced; child in need support." });

        var ended = await WithDbAsync(db => db.ChildProtectionPlans.SingleAsync());
        Assert.Equal(Today.AddDays(14), ended.EndedOn);
        Assert.DoesNotContain((await SendAsUserAsync(socialWorker, new GetMyDueWork.Query())).Statutory!, r => r.Kind is DueKind.ChildProtectionReview or DueKind.ChildProtectionVisit);
        await SendAsUserAsync(socialWorker, new Application.Approvals.RequestStepDown.Command { PersonId = childId, Stage = Domain.Approvals.StepDownStage.ChildInNeedPlan, Reasons = "Plan ended; keyworker support is enough." });
    }

    [Fact]
    public async Task PreviousPlans_AreCounted_AndAReviewWithoutACategoryToContinueUnder_IsRefused()
    {
        var childId = await ReferredChildAsync();
        var first = await PlanAsync(childId);
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var noCategory = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = first, Version = await PlanVersionAsync(first), HeldOn = Today.AddDays(1), PlanContinues = true, Decision = "Continue." }));
        Assert.Equal("LatestCategory", noCategory.Field);
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command { PersonId = childId, PlanId = first, Version = await PlanVersionAsync(first), HeldOn = Today.AddDays(1), PlanContinues = false, Decision = "Ends." });

        var strategy = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today.AddDays(1), Agencies = "Police", Section47 = true, Rationale = "New injury." });
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = strategy, Version = await VersionAsync(strategy), ConcludedOn = Today.AddDays(1), Findings = "Physical abuse.", ConferenceNeeded = true });
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = strategy, Version = await VersionAsync(strategy), HeldOn = Today.AddDays(1), Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "PHY" });

        var result = await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId));
        Assert.Equal((1, "PHY"), (result.PreviousPlans, result.OpenPlan!.InitialCategory));
    }
}
