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
}
