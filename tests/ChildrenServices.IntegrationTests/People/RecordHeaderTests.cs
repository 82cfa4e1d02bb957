using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.People;

/// <summary>
/// The identity bar's one query (status tags, alerts, lead worker, approximate age) and the record's
/// "Assessments and plans" and "Visits and reviews" lists. The fake clock's today is Tuesday 24 November 2026.
/// </summary>
public sealed class RecordHeaderTests(AppFactory factory) : FrontDoorTestBase(factory)
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

    /// <summary>A referral from a contact today, allocated, then strategy → section 47 → a plan under neglect today.</summary>
    private async Task<Guid> ChildOnAProtectionPlanAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var enquiry = await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police, school nurse", Section47 = true, Rationale = "Bruise to the cheek." });
        await SendAsUserAsync(socialWorker, new RecordSection47Outcome.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersionAsync(enquiry), ConcludedOn = Today, Findings = "Neglect.", ConferenceNeeded = true });
        await SendAsUserAsync(reviewingOfficer, new RecordInitialConference.Command { PersonId = childId, EnquiryId = enquiry, Version = await EnquiryVersionAsync(enquiry), HeldOn = Today, Outcome = ConferenceOutcome.ChildProtectionPlan, InitialCategory = "NEG" });
        return childId;
    }

    private Task<Guid> EnquiryVersionAsync(Guid id) => WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    [Fact]
    public async Task Header_ReferredChildOnAProtectionPlan_ShowsTheOpenWorkTheLeadWorkerAndTheRecentContact()
    {
        var childId = await ChildOnAProtectionPlanAsync();

        var header = await SendAsUserAsync(socialWorker, new GetRecordHeader.Query(childId));

        Assert.Equal(
            [GetRecordHeader.Status.OpenReferral, GetRecordHeader.Status.ChildProtectionPlan],
            header.Statuses.Select(s => s.Status));
        Assert.Equal("NEG", header.Statuses.Single(s => s.Status == GetRecordHeader.Status.ChildProtectionPlan).Code);
        Assert.Equal(("Grace Okafor-Lyle", "Assessment"), (header.LeadWorkerName, header.LeadTeamName));
        Assert.Equal(new GetRecordHeader.Alert(GetRecordHeader.AlertKind.RecentContact, Today), Assert.Single(header.Alerts));
        Assert.True(header.CanRecord);
        Assert.False((await SendAsUserAsync(Practitioner, new GetRecordHeader.Query(childId))).CanRecord);
    }

    [Fact]
    public async Task ServiceOverview_AChildOfUnknownDateOfBirth_IsNotCountedAsUnborn_AndIsADataGapForTheReturns()
    {
        await SendAsUserAsync(Practitioner, NewChild("Kit", "Arden") with
        {
            DateOfBirth = null, ApproximateAge = 7, DateOfBirthNotKnownReason = "Police gave an age only", ConfirmedNotDuplicate = true,
        });
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Performance");

        var overview = await SendAsUserAsync(officer, new Application.Home.GetServiceOverview.Query());

        Assert.Equal(0, overview.UnbornChildren);
        var gap = Assert.Single(overview.DataQuality, g => g.Description.StartsWith("Children whose date of birth is not known", StringComparison.Ordinal));
        Assert.Equal((1, overview.Children), (gap.Count, gap.OutOf));

        // Counted in the same pass over the people: recorded with no disability status at all.
        var disability = Assert.Single(overview.DataQuality, g => g.Description == "Children with no disability status recorded");
        Assert.Equal((1, 1), (gap.OutOf, disability.Count));
    }

    [Fact]
    public async Task Header_ChildWithOnlyAnApproximateAge_ShowsTheAgeAndTheFlag_UntilADateIsConfirmed()
    {
        var id = await SendAsUserAsync(Practitioner, NewChild("Kit", "Arden") with
        {
            DateOfBirth = null, ApproximateAge = 7, DateOfBirthNotKnownReason = "Police gave an age only", ConfirmedNotDuplicate = true,
        });

        var header = await SendAsUserAsync(Practitioner, new GetRecordHeader.Query(id));
        Assert.Null(header.DateOfBirth);
        Assert.Null(header.Age);
        Assert.Equal(7, header.ApproximateAge);
        Assert.Equal("Police gave an age only", header.DateOfBirthNotKnownReason);
        Assert.Contains(header.Alerts, a => a.Kind == GetRecordHeader.AlertKind.DateOfBirthNotKnown);
        var record = await SendAsUserAsync(Practitioner, new GetPersonRecord.Query(id));
        Assert.Equal(7, record.ApproximateAge);

        await SendAsUserAsync(Practitioner, new UpdatePersonDetails.Command
        {
            PersonId = id, Version = await VersionOfAsync(id), DateOfBirth = new DateOnly(2019, 3, 2), Sex = Sex.Female,
            ApproximateAge = null, DateOfBirthNotKnownReason = "Police gave an age only",
        });

        var confirmed = await SendAsUserAsync(Practitioner, new GetRecordHeader.Query(id));
        Assert.Equal(7, confirmed.Age);
        Assert.Null(confirmed.ApproximateAge);
        Assert.Null(confirmed.DateOfBirthNotKnownReason);
        Assert.DoesNotContain(confirmed.Alerts, a => a.Kind == GetRecordHeader.AlertKind.DateOfBirthNotKnown);
    }

    [Fact]
    public async Task CreatePerson_NoDateNoAgeNoReason_RefusedOnTheDateOfBirth_AndAnAgeWithoutAReasonOnTheReason()
    {
        var neither = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsUserAsync(Practitioner, NewChild("Kit", "Arden") with { DateOfBirth = null, ConfirmedNotDuplicate = true }));
        Assert.Equal("DateOfBirth", Assert.Single(neither.Errors).PropertyName);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsUserAsync(Practitioner, NewChild("Kit", "Arden") with { DateOfBirth = null, ApproximateAge = 7, ConfirmedNotDuplicate = true }));
        Assert.Equal("DateOfBirthNotKnownReason", Assert.Single(noReason.Errors).PropertyName);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Header_RestrictedRecord_IsTheFirstAlert()
    {
        var childId = await ChildOnAProtectionPlanAsync();
        await WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == childId);
            person.Restrict(RestrictionReason.HighProfile, Today, Today.AddMonths(6), [socialWorker]);
            await db.SaveChangesAsync();
        });

        var header = await SendAsUserAsync(socialWorker, new GetRecordHeader.Query(childId));

        Assert.Equal(new GetRecordHeader.Alert(GetRecordHeader.AlertKind.Restricted, Today), header.Alerts[0]);
        Assert.Equal(RestrictionReason.HighProfile, header.Restriction);
    }

    [Fact]
    public async Task Header_IsAuditedAsAViewAndRefusedForARestrictedRecordTheUserIsNotAllowed()
    {
        var childId = await ChildOnAProtectionPlanAsync();
        await WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == childId)).Restrict(RestrictionReason.HighProfile, Today, Today.AddMonths(6), [socialWorker]);
            await db.SaveChangesAsync();
        });

        await SendAsUserAsync(socialWorker, new GetRecordHeader.Query(childId));
        await Assert.ThrowsAsync<Application.NotFoundException>(() => SendAsUserAsync(Practitioner, new GetRecordHeader.Query(childId)));

        var views = await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == nameof(GetRecordHeader)).Select(e => new { e.UserId, e.PersonId }).ToListAsync());
        Assert.Equal(socialWorker, Assert.Single(views).UserId);
    }

    [Fact]
    public async Task AssessmentsAndPlans_AndVisitsAndReviews_ListWhatTheChildHas()
    {
        var childId = await ChildOnAProtectionPlanAsync();

        var plans = await SendAsUserAsync(socialWorker, new GetAssessmentsAndPlans.Query(childId));
        var visits = await SendAsUserAsync(socialWorker, new GetVisitsAndReviews.Query(childId));

        Assert.Contains(plans, p => p.Kind == GetAssessmentsAndPlans.Kind.ChildProtectionPlan && p.IsOpen && p.Detail == "NEG" && p.StartedOn == Today);
        Assert.Contains(plans, p => p.Kind == GetAssessmentsAndPlans.Kind.Section47Enquiry && p.EndedOn == Today);
        var conference = Assert.Single(visits);
        var enquiry = await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.ChildId == childId).Select(e => e.Id).SingleAsync());
        Assert.Equal((GetVisitsAndReviews.Kind.InitialConference, Today, (Guid?)enquiry, false), (conference.Kind, conference.On, conference.RecordId, conference.MayCorrect));
        Assert.Empty(conference.Corrections!);
    }

    [Fact]
    public async Task SearchPeople_TwoChildrenOfTheSameName_AreToldApartByWhatIsOpenTheLeadWorkerAndTheAge()
    {
        var onAPlan = await ChildOnAProtectionPlanAsync();
        var other = await SendAsUserAsync(Practitioner, NewChild("Riley", "Taylor") with
        {
            DateOfBirth = null, ApproximateAge = 12, DateOfBirthNotKnownReason = "Neighbour gave an age only", ConfirmedNotDuplicate = true,
        });

        var results = await SendAsUserAsync(socialWorker, new SearchPeople.Query { Name = "Riley Taylor" });

        var planned = results.Matches.Single(m => m.Id == onAPlan);
        Assert.Equal([GetRecordHeader.Status.OpenReferral, GetRecordHeader.Status.ChildProtectionPlan], planned.Statuses.Select(s => s.Status));
        Assert.Equal(("Grace Okafor-Lyle", "Assessment"), (planned.LeadWorkerName, planned.LeadTeamName));
        var unknown = results.Matches.Single(m => m.Id == other);
        Assert.Empty(unknown.Statuses);
        Assert.Null(unknown.LeadWorkerName);
        Assert.Equal(12, Person.ApproximateAge(unknown.ApproximateDateOfBirth, unknown.DateOfBirth, Today));
    }
}
