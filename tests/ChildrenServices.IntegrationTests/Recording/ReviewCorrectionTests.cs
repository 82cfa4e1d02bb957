using System.Net;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Recording;

/// <summary>
/// A review conference's date recorded wrongly, corrected through the page by the manager of the team holding the case
/// (or by the reviewing officer who recorded it, within a week): the correction and the original stay in the history,
/// and the visits and reviews, the chronology and the next review's deadline follow the corrected date.
/// </summary>
public sealed class ReviewCorrectionTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid reviewingOfficer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await AssessmentSocialWorkerAsync();
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
    }

    /// <summary>
    /// A child on a plan from a conference today (Tuesday 24 November 2026); eight days on, the reviewing officer records a
    /// review conference as held on Wednesday 2 December, which was really the day before.
    /// </summary>
    private async Task<(Guid ChildId, Guid ReviewId)> ReviewRecordedAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var enquiry = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police, school", Section47 = true, Rationale = "Bruising." });
        Task<Guid> EnquiryVersion() => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == enquiry).Select(e => e.Version).SingleAsync(Ct));
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersion(), ConcludedOn = Today, Findings = "Neglect.", ConferenceNeeded = true });
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersion(), HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" });
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == childId, Ct));
        Factory.Clock.Advance(TimeSpan.FromDays(8));
        await SendAsUserAsync(reviewingOfficer, new RecordChildProtectionReview.Command
        {
            PersonId = childId, PlanId = plan.Id, Version = plan.Version, HeldOn = Today.AddDays(8), PlanContinues = true, LatestCategory = "NEG", Decision = "The plan continues; home conditions improving.",
        });
        var review = await WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == plan.Id).SelectMany(p => p.Reviews).Select(r => r.Id).SingleAsync(Ct));
        return (childId, review);
    }

    [Fact]
    public async Task TheManager_CorrectsAReviewDate_WithAReason_AndTheHistoryChronologyAndDeadlineFollow()
    {
        var (childId, reviewId) = await ReviewRecordedAsync();
        var manager = ClientFor(AssessmentManager);
        var form = $"/People/{childId}/Corrections/ChildProtectionReview/{reviewId}";
        var before = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!.DueNext.Single(d => d.Kind == DueKind.ChildProtectionReview).DueOn;
        Assert.Contains($"href=\"{form}\"", await PageAsync(manager, $"/People/{childId}/Visits"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{form}\"", await PageAsync(ClientFor(socialWorker), $"/People/{childId}/Visits"), StringComparison.Ordinal);

        var corrected = await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 12, 1)), F("Input.Reason", "The invitation date was typed; the conference met on the Tuesday.")]);

        Assert.Equal("Corrected: the date of the child protection review conference", await BannerAfterAsync(manager, corrected, $"/People/{childId}/Visits"));
        var correction = await WithDbAsync(db => db.Corrections.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((CorrectedRecord.ChildProtectionReview, reviewId, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1), AssessmentManager, true),
            (correction.Record, correction.RecordId, correction.FromDate, correction.ToDate, correction.CorrectedById, correction.AsManager));
        Assert.Equal(new DateOnly(2026, 12, 1), await WithDbAsync(db => db.ChildProtectionPlans.SelectMany(p => p.Reviews).Select(r => r.HeldOn).SingleAsync(Ct)));
        var visits = await PageAsync(manager, $"/People/{childId}/Visits");
        Assert.Contains("1 December 2026", visits, StringComparison.Ordinal);
        Assert.Contains("Corrected from 2 December 2026 by Ruth Adeyemi (manager): The invitation date was typed", visits, StringComparison.Ordinal);

        var chronology = await SendAsUserAsync(socialWorker, new GetChronology.Query(childId));
        var entry = Assert.Single(chronology, e => e.Id == reviewId);
        Assert.Equal((new DateOnly(2026, 12, 1), "Child protection review conference"), (entry.OccurredOn, entry.Title));
        Assert.StartsWith("Date corrected from 2 December 2026 to 1 December 2026 by Ruth Adeyemi (manager)", Assert.Single(entry.Addenda).Text, StringComparison.Ordinal);
        Assert.Contains("Date corrected from 2 December 2026 to 1 December 2026", await PageAsync(ClientFor(socialWorker), $"/People/{childId}/Chronology"), StringComparison.Ordinal);
        var after = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!.DueNext.Single(d => d.Kind == DueKind.ChildProtectionReview).DueOn;
        Assert.Equal((new DateOnly(2027, 6, 2), new DateOnly(2027, 6, 1)), (before, after));
    }

    [Fact]
    public async Task TheReviewingOfficerWhoRecordedIt_MayCorrectItForAWeek_ThenOnlyAManager_AndNobodyElse()
    {
        var (childId, reviewId) = await ReviewRecordedAsync();
        var form = $"/People/{childId}/Corrections/ChildProtectionReview/{reviewId}";
        CorrectRecordedDate.Command Correct(Guid version, DateOnly on) => new() { PersonId = childId, Kind = CorrectedRecord.ChildProtectionReview, RecordId = reviewId, Version = version, HeldOn = on, Reason = "Typed wrongly." };
        Task<Guid> Version() => WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.ChildId == childId).Select(p => p.Version).SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(socialWorker).GetAsync(form, Ct)).StatusCode);
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(socialWorker, Correct(await Version(), new DateOnly(2026, 12, 1))));
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(reviewingOfficer).GetAsync(form, Ct)).StatusCode);
        await SendAsUserAsync(reviewingOfficer, Correct(await Version(), new DateOnly(2026, 12, 1)));

        Factory.Clock.Advance(TimeSpan.FromDays(Correction.RecorderWindowDays + 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(reviewingOfficer).GetAsync(form, Ct)).StatusCode);
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(reviewingOfficer, Correct(await Version(), new DateOnly(2026, 11, 30))));
        await SendAsUserAsync(AssessmentManager, Correct(await Version(), new DateOnly(2026, 11, 30)));

        var history = await WithDbAsync(db => db.Corrections.AsNoTracking().OrderBy(c => c.CorrectedAtUtc).ThenBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal([(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1), false), (new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30), true)],
            history.Select(c => (c.FromDate, c.ToDate, c.AsManager)));
    }

    [Fact]
    public async Task BadInput_IsShownBesideItsField_WithTheDateKept_AndAStaleFormIsAConflict()
    {
        var (childId, reviewId) = await ReviewRecordedAsync();
        var manager = ClientFor(AssessmentManager);
        var form = $"/People/{childId}/Corrections/ChildProtectionReview/{reviewId}";
        var stale = FormPostingTo(await PageAsync(manager, form), form, form);

        var noReason = await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 12, 1)), F("Input.Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_Reason-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1\"", html, StringComparison.Ordinal);

        var saturday = await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 11, 28)), F("Input.Reason", "Typed wrongly.")]);
        Assert.Equal(HttpStatusCode.BadRequest, saturday.StatusCode);
        var refused = await saturday.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_HeldOn-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("Saturday", refused, StringComparison.Ordinal);
        Assert.Contains("Typed wrongly.", refused, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.Corrections.ToListAsync(Ct)));

        await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 12, 1)), F("Input.Reason", "Typed wrongly.")]);
        var second = await SubmitAsync(manager, stale, [.. DateFields("HeldOn", new DateOnly(2026, 11, 30)), F("Input.Reason", "Another.")]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Single(await WithDbAsync(db => db.Corrections.ToListAsync(Ct)));
    }

    [Fact]
    public async Task TheSocialWorker_CorrectsTheDateOfAVisitTheyRecorded_AndTheNextVisitDueFollows()
    {
        var (childId, _) = await ReviewRecordedAsync();
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == childId, Ct));
        await SendAsUserAsync(socialWorker, new RecordChildProtectionVisit.Command { PersonId = childId, PlanId = plan.Id, VisitedOn = Today.AddDays(7), ChildSeen = true, SeenAlone = true });
        var visitId = await WithDbAsync(db => db.ChildProtectionPlans.SelectMany(p => p.Visits).Select(v => v.Id).SingleAsync(Ct));
        var client = ClientFor(socialWorker);
        var form = $"/People/{childId}/Corrections/ChildProtectionVisit/{visitId}";
        var before = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!.DueNext.Single(d => d.Kind == DueKind.ChildProtectionVisit).DueOn;
        Assert.Contains($"href=\"{form}\"", await PageAsync(client, $"/People/{childId}/Visits"), StringComparison.Ordinal);

        var corrected = await PostFormAsync(client, form, [.. DateFields("HeldOn", Today.AddDays(6)), F("Input.Reason", "I typed the day I wrote it up.")]);

        Assert.Equal("Corrected: the date of the child protection visit", await BannerAfterAsync(client, corrected, $"/People/{childId}/Visits"));
        var correction = await WithDbAsync(db => db.Corrections.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((CorrectedRecord.ChildProtectionVisit, Today.AddDays(7), Today.AddDays(6), false), (correction.Record, correction.FromDate, correction.ToDate, correction.AsManager));
        var after = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!.DueNext.Single(d => d.Kind == DueKind.ChildProtectionVisit).DueOn;
        Assert.Equal(before.AddDays(-1), after);
        Assert.Contains("Corrected from 1 December 2026 by Grace Okafor-Lyle: I typed the day I wrote it up.", await PageAsync(client, $"/People/{childId}/Visits"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheManager_CorrectsAReferralDate_FromContactsAndReferrals_AndTheAssessmentDeadlineFollows_ButNotPastWorkOnIt()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId, Ct));
        var manager = ClientFor(AssessmentManager);
        var form = $"/People/{childId}/Corrections/ReferralDate/{referral.Id}";
        Assert.Contains($"href=\"{form}\"", await PageAsync(manager, $"/People/{childId}/Contacts"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{form}\"", await PageAsync(ClientFor(socialWorker), $"/People/{childId}/Contacts"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(socialWorker).GetAsync(form, Ct)).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromDays(3));
        var beforeContact = await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 11, 20)), F("Input.Reason", "Typed wrongly.")]);
        Assert.Equal(HttpStatusCode.BadRequest, beforeContact.StatusCode);
        Assert.Contains("The contact that made this referral was received on 24 November 2026", await beforeContact.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var corrected = await PostFormAsync(manager, form, [.. DateFields("HeldOn", new DateOnly(2026, 11, 25)), F("Input.Reason", "The front door decided it on the Wednesday; the date of the contact was entered.")]);

        Assert.Equal("Corrected: the date of the referral", await BannerAfterAsync(manager, corrected, $"/People/{childId}/Contacts"));
        var after = await WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id, Ct));
        var dueOn = Domain.Calendar.WorkingDayCalendar.EnglandAndWales.AddWorkingDays(new DateOnly(2026, 11, 25), 45);
        Assert.Equal((new DateOnly(2026, 11, 25), dueOn), (after.ReferralDate, after.AssessmentDueOn));
        Assert.NotEqual(referral.AssessmentDueOn, dueOn);
        var due = (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!;
        Assert.Contains(due, r => r.Kind == DueKind.Assessment && r.DueOn == dueOn);
        Assert.Contains("Corrected from 24 November 2026 by Ruth Adeyemi (manager)", await PageAsync(manager, $"/People/{childId}/Contacts"), StringComparison.Ordinal);

        await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today.AddDays(2), Agencies = "Police", Section47 = false, Rationale = "Checked." });
        var pastWork = await PostFormAsync(manager, form, [.. DateFields("HeldOn", Today.AddDays(3)), F("Input.Reason", "Typed wrongly.")]);
        Assert.Equal(HttpStatusCode.BadRequest, pastWork.StatusCode);
        Assert.Contains("id=\"Input_HeldOn-error\"", await pastWork.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheManager_CorrectsAnInitialConferenceDate_ThePlanStartsThatDay_AndItsFirstCoreGroupAndReviewFollow()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var enquiry = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police, school", Section47 = true, Rationale = "Bruising." });
        Task<Guid> EnquiryVersion() => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == enquiry).Select(e => e.Version).SingleAsync(Ct));
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersion(), ConcludedOn = Today, Findings = "Neglect.", ConferenceNeeded = true });
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersion(), HeldOn = Today.AddDays(2), Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" });
        var manager = ClientFor(AssessmentManager);
        var form = $"/People/{childId}/Corrections/InitialConference/{enquiry}";
        Assert.Contains($"href=\"{form}\"", await PageAsync(manager, $"/People/{childId}/Visits"), StringComparison.Ordinal);

        var corrected = await PostFormAsync(manager, form, [.. DateFields("HeldOn", Today), F("Input.Reason", "The conference met on the Tuesday; the minutes' date was typed.")]);

        Assert.Equal("Corrected: the date of the initial child protection conference", await BannerAfterAsync(manager, corrected, $"/People/{childId}/Visits"));
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.ChildId == childId, Ct));
        var held = await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == enquiry).Select(e => e.ConferenceHeldOn).SingleAsync(Ct));
        Assert.Equal(((DateOnly?)Today, Today), (held, plan.StartedOn));
        var due = (await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId))).OpenPlan!.DueNext;
        Assert.Equal(Today.AddMonths(3), due.Single(d => d.Kind == DueKind.ChildProtectionReview).DueOn);
        Assert.Equal(Domain.Calendar.WorkingDayCalendar.EnglandAndWales.AddWorkingDays(Today, 10), due.Single(d => d.Kind == DueKind.FirstCoreGroup).DueOn);

        var beforeStrategy = await PostFormAsync(manager, form, [.. DateFields("HeldOn", Today.AddDays(-1)), F("Input.Reason", "Typed wrongly.")]);
        Assert.Equal(HttpStatusCode.BadRequest, beforeStrategy.StatusCode);
        Assert.Contains("The conference cannot be before the strategy discussion", await beforeStrategy.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
