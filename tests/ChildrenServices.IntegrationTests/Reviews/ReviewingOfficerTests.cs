using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Reviews;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Reviews;

/// <summary>
/// The reviewing officer allocated to a child (regulation 45) and the officer's worklist: the children whose
/// reviews and conferences they chair, what is due and what is overdue. Today is 24 November 2026.
/// </summary>
public sealed class ReviewingOfficerTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly StatutoryTimescales Rules = new(WorkingDayCalendar.EnglandAndWales, LocalTimescales.Defaults);
    private Guid socialWorker;
    private Guid helen;
    private Guid amir;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        helen = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        amir = await CreateUserAsync(Roles.ReviewingOfficer, "Amir Rahman");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> LookedAfterChildAsync(string given, DateOnly startedOn)
    {
        var childId = await CreateChildAsync(Practitioner, given, "Okoro");
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, new BecomeLookedAfter.Command
        {
            PersonId = childId, StartedOn = startedOn, LegalStatus = "C1", CategoryOfNeed = "N1",
            PlacementType = "U6", PlacementProvider = "PR1", PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1", Carer = "Smith family", ReferralSourceCode = "1A", PrimaryNeedCode = "N1",
        });
        return childId;
    }

    private async Task ReviewAsync(Guid iro, Guid childId, DateOnly on)
    {
        var (id, version) = await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == childId).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.Version)).SingleAsync());
        await SendAsUserAsync(iro, new RecordClaReview.Command
        {
            PersonId = childId, PeriodOfCareId = id, Version = version, HeldOn = on, ParticipationCode = "PN1", Attendees = "Carers, social worker", CarePlanEndorsed = true,
        });
    }

    [Fact]
    public async Task AManager_AllocatesAReviewingOfficer_AndANewOneEndsTheLast()
    {
        var childId = await LookedAfterChildAsync("Riley", new DateOnly(2026, 8, 3));

        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = helen });
        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = amir });

        var allocations = await WithDbAsync(db => db.ReviewingOfficerAllocations.OrderBy(a => a.EndedOn == null).Select(a => new { a.OfficerId, a.StartedOn, a.EndedOn }).ToListAsync());
        Assert.Equal([(helen, Today, (DateOnly?)Today), (amir, Today, null)], allocations.Select(a => (a.OfficerId, a.StartedOn, a.EndedOn)));
        var shown = await SendAsUserAsync(AssessmentManager, new GetReviewingOfficer.Query(childId));
        Assert.Equal("Amir Rahman", shown.Officer!.Name);
        Assert.Equal([("Amir Rahman", 1), ("Helen Marsh", 0)], shown.Options.Select(o => (o.Name, o.Children)));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.PersonId == childId && a.Action == "AllocateReviewingOfficer")));
    }

    [Fact]
    public async Task AllocatingSomeoneWhoIsNotAReviewingOfficer_OrTheSameOneAgain_OrNoOne_IsRefused()
    {
        var childId = await LookedAfterChildAsync("Riley", new DateOnly(2026, 8, 3));
        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = helen });

        foreach (var (officer, message) in new (Guid?, string)[]
        {
            (socialWorker, "Select an independent reviewing officer from the list"),
            (Guid.NewGuid(), "Select an independent reviewing officer from the list"),
            (helen, "This reviewing officer is already allocated to the child"),
            (null, "Select the independent reviewing officer"),
        })
        {
            var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = officer }));
            Assert.Contains(ex.Errors, e => e.PropertyName == "OfficerId" && e.ErrorMessage == message);
        }

        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(socialWorker, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = amir }));
        Assert.Equal(1, await WithDbAsync(db => db.ReviewingOfficerAllocations.CountAsync()));
    }

    [Fact]
    public async Task TheWorklist_ShowsTheChildrenAllocatedToTheOfficer_WithTheReviewDueByTheWorktraysRules_OverdueFirst()
    {
        var overdue = await LookedAfterChildAsync("Ada", new DateOnly(2026, 8, 3));
        var onTrack = await LookedAfterChildAsync("Ben", new DateOnly(2026, 11, 16));
        var someoneElses = await LookedAfterChildAsync("Cai", new DateOnly(2026, 8, 3));
        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = overdue, OfficerId = helen });
        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = onTrack, OfficerId = helen });
        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = someoneElses, OfficerId = amir });

        var rows = await SendAsUserAsync(helen, new GetMyReviews.Query());

        var firstDue = Rules.LookedAfterReviewDue(new DateOnly(2026, 8, 3), []);
        Assert.Equal(
            [(overdue, "First looked-after review", firstDue, RagStatus.Red, true), (onTrack, "First looked-after review", Rules.LookedAfterReviewDue(new DateOnly(2026, 11, 16), []), RagStatus.Green, true)],
            rows.Select(r => (r.ChildId, r.What, r.DueOn, r.Status, r.Allocated)));
        Assert.Equal($"/People/{overdue}/LookedAfter/Review", rows[0].Link);
    }

    [Fact]
    public async Task WithNoOfficerAllocated_TheChildIsOnTheWorklistOfWhoeverChairedTheLastReview_UntilAManagerAllocatesOne()
    {
        var childId = await LookedAfterChildAsync("Ada", new DateOnly(2026, 8, 3));
        await ReviewAsync(amir, childId, new DateOnly(2026, 8, 27));
        await ReviewAsync(helen, childId, new DateOnly(2026, 11, 20));

        var helens = Assert.Single(await SendAsUserAsync(helen, new GetMyReviews.Query()));
        Assert.Empty(await SendAsUserAsync(amir, new GetMyReviews.Query()));
        Assert.Equal((childId, false, (DateOnly?)new DateOnly(2026, 11, 20), Rules.LookedAfterReviewDue(new DateOnly(2026, 8, 3), [new DateOnly(2026, 8, 27), new DateOnly(2026, 11, 20)])),
            (helens.ChildId, helens.Allocated, helens.LastHeldOn, helens.DueOn));

        await SendAsUserAsync(AssessmentManager, new AllocateReviewingOfficer.Command { PersonId = childId, OfficerId = amir });

        Assert.Empty(await SendAsUserAsync(helen, new GetMyReviews.Query()));
        Assert.True(Assert.Single(await SendAsUserAsync(amir, new GetMyReviews.Query())).Allocated);
    }

    [Fact]
    public async Task MyWork_ShowsTheReviewingOfficerTheReviewsTheyChair_AndTheManagerAllocatesOneThroughTheForm()
    {
        var childId = await LookedAfterChildAsync("Ada", new DateOnly(2026, 8, 3));
        var manager = ClientFor(AssessmentManager);
        var url = $"/People/{childId}/ReviewingOfficer";

        var form = await (await manager.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("No reviewing officer is allocated.", form, StringComparison.Ordinal);
        var refused = await PostFormAsync(manager, url, [F("Input.OfficerId", "")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Select the independent reviewing officer", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await PostFormAsync(manager, url, [F("Input.OfficerId", helen.ToString())])).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(socialWorker).GetAsync(url, Ct)).StatusCode);

        var myWork = await (await ClientFor(helen).GetAsync("/MyWork", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Reviews and conferences I chair (1 overdue)", myWork, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{childId}/LookedAfter/Review\"", myWork, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviews and conferences I chair", await (await ClientFor(socialWorker).GetAsync("/MyWork", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReviewForm_RecordsRecommendations_AndTheNextShowsThemToFollowUp_KeepingWhatWasTypedOnAnError()
    {
        var childId = await LookedAfterChildAsync("Ada", new DateOnly(2026, 8, 3));
        var officer = ClientFor(helen);
        var url = $"/People/{childId}/LookedAfter/Review";
        async Task<IEnumerable<KeyValuePair<string, string>>> PeriodFieldsAsync()
        {
            var (id, version) = await WithDbAsync(db => db.PeriodsOfCare.Select(p => new ValueTuple<Guid, Guid>(p.Id, p.Version)).SingleAsync());
            return [F("Input.PeriodOfCareId", id.ToString()), F("Input.Version", version.ToString())];
        }

        var bad = await PostFormAsync(officer, url, [.. await PeriodFieldsAsync(), F("Input.HeldOn.Day", "27"), F("Input.HeldOn.Month", "8"), F("Input.HeldOn.Year", "2026"), F("Input.ParticipationCode", "PN1"),
            F("Input.Attendees", "Ada, carers"), F("Input.Recommendations[0].Text", "Arrange sibling contact")]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Select whether the review endorsed the care plan", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter who is responsible", badHtml, StringComparison.Ordinal);
        Assert.Contains("Arrange sibling contact", badHtml, StringComparison.Ordinal);

        var ok = await PostFormAsync(officer, url, [.. await PeriodFieldsAsync(), F("Input.HeldOn.Day", "27"), F("Input.HeldOn.Month", "8"), F("Input.HeldOn.Year", "2026"), F("Input.ParticipationCode", "PN1"),
            F("Input.Attendees", "Ada, carers"), F("Input.CarePlanEndorsed", "true"),
            F("Input.Recommendations[0].Text", "Arrange sibling contact"), F("Input.Recommendations[0].Owner", "Social worker"),
            F("Input.Recommendations[0].DueOn.Day", "30"), F("Input.Recommendations[0].DueOn.Month", "9"), F("Input.Recommendations[0].DueOn.Year", "2026")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, ok.StatusCode);

        var next = await (await officer.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Recommendations from the last review, 27 August 2026", next, StringComparison.Ordinal);
        Assert.Contains("Arrange sibling contact (Social worker, by 30 September 2026)", next, StringComparison.Ordinal);
        var recommendation = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SelectMany(r => r.Recommendations).Select(r => r.Id).SingleAsync());
        var followed = await PostFormAsync(officer, url, [.. await PeriodFieldsAsync(), F("Input.HeldOn.Day", "20"), F("Input.HeldOn.Month", "11"), F("Input.HeldOn.Year", "2026"), F("Input.ParticipationCode", "PN1"),
            F("Input.Attendees", "Ada, carers"), F("Input.CarePlanEndorsed", "true"),
            F("Input.FollowUps[0].RecommendationId", recommendation.ToString()), F("Input.FollowUps[0].Status", "PartlyDone")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(Domain.LookedAfter.RecommendationStatus.PartlyDone, await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SelectMany(r => r.Recommendations).Select(r => r.Status).SingleAsync()));
        Assert.Contains("Partly done", await (await officer.GetAsync($"/People/{childId}/LookedAfter", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
