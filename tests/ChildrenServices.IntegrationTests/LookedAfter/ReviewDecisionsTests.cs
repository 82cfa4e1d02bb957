using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.LookedAfter;

/// <summary>
/// What a looked-after review decides, through the pipeline: participation checked against the child's age
/// (SSDA903 rules 440 and 441), who attended, the views, the care plan's endorsement, recommendations with
/// owners and dates, and the next review following each of them up. Today is 24 November 2026.
/// </summary>
public sealed class ReviewDecisionsTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid officer;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        officer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A child looked after since 1 August 2026, held by the social worker.</summary>
    private async Task<Guid> LookedAfterChildAsync(DateOnly born)
    {
        var childId = await CreateChildAsync(Practitioner, dateOfBirth: born);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, new BecomeLookedAfter.Command
        {
            PersonId = childId, StartedOn = new DateOnly(2026, 8, 1), LegalStatus = "C1", CategoryOfNeed = "N1",
            PlacementType = "U6", PlacementProvider = "PR1", PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1", Carer = "Smith family", ReferralSourceCode = "1A", PrimaryNeedCode = "N1",
        });
        return childId;
    }

    private async Task<RecordClaReview.Command> ReviewAsync(Guid childId, DateOnly on, string participation)
    {
        var (id, version) = await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == childId)
            .Select(p => new ValueTuple<Guid, Guid>(p.Id, p.Version)).SingleAsync());
        return new RecordClaReview.Command
        {
            PersonId = childId, PeriodOfCareId = id, Version = version, HeldOn = on, ParticipationCode = participation,
            Attendees = "Carers, social worker, mum", CarePlanEndorsed = true,
        };
    }

    private Task<int> ReviewCountAsync() => WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).CountAsync());

    public static TheoryData<string, string, string?> ParticipationByAge => new()
    {
        // Born 10 September 2022: 4 on 10 September 2026.
        { "2026-09-09", "PN1", "The child was under 4 on 9 September 2026: select 'Child aged under 4 at the time of the review' (PN0)" },
        { "2026-09-09", "PN7", "The child was under 4 on 9 September 2026: select 'Child aged under 4 at the time of the review' (PN0)" },
        { "2026-09-10", "PN0", "The child was 4 or over on 10 September 2026: PN0 is only for a child under 4, so select how they took part" },
        { "2026-11-20", "PN0", "The child was 4 or over on 20 November 2026: PN0 is only for a child under 4, so select how they took part" },
        { "2026-09-09", "PN0", null },
        { "2026-09-10", "PN1", null },
    };

    /// <summary>The defect: PN0 is for a child under 4 at the review and PN1–PN7 for one of 4 or over (DfE rules 440 and 441).</summary>
    [Theory]
    [MemberData(nameof(ParticipationByAge))]
    public async Task Participation_IsCheckedAgainstTheChildsAgeOnTheDayOfTheReview(string heldOn, string code, string? refusal)
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2022, 9, 10));
        var review = await ReviewAsync(childId, DateOnly.Parse(heldOn, System.Globalization.CultureInfo.InvariantCulture), code);

        if (refusal is null)
        {
            await SendAsUserAsync(officer, review);
            Assert.Equal(1, await ReviewCountAsync());
            return;
        }

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(officer, review));
        Assert.Equal(("ParticipationCode", refusal), (ex.Field, ex.Message));
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task AReview_RecordsWhoAttended_TheViews_TheCarePlansEndorsement_AndRecommendations()
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2016, 3, 1));

        await SendAsUserAsync(officer, await ReviewAsync(childId, new DateOnly(2026, 8, 27), "PN1") with
        {
            Attendees = "Riley, foster carers (Smith family), social worker, mum by phone",
            ChildViews = "Likes the new school; wants to see her brother more.",
            ParentViews = "Mum wants contact at weekends.",
            CarePlanEndorsed = false,
            Recommendations =
            [
                new() { Text = "Arrange sibling contact every fortnight", Owner = "Social worker", DueOn = new DateOnly(2026, 9, 30) },
                new(),
                new() { Text = "  Personal education plan updated  ", Owner = "Virtual school", DueOn = new DateOnly(2026, 10, 15) },
            ],
        });

        var review = Assert.Single(Assert.Single((await SendAsUserAsync(officer, new GetPeriodsOfCare.Query(childId))).Periods).Reviews);
        Assert.Equal(("Riley, foster carers (Smith family), social worker, mum by phone", "Likes the new school; wants to see her brother more.", "Mum wants contact at weekends.", (bool?)false),
            (review.Attendees, review.ChildViews, review.ParentViews, review.CarePlanEndorsed));
        Assert.Equal(
            [("Arrange sibling contact every fortnight", "Social worker", new DateOnly(2026, 9, 30), RecommendationStatus.Outstanding),
             ("Personal education plan updated", "Virtual school", new DateOnly(2026, 10, 15), RecommendationStatus.Outstanding)],
            review.Recommendations!.Select(r => (r.Text, r.Owner, r.DueOn, r.Status)));
    }

    [Fact]
    public async Task TheNextReview_MustSayHowEachRecommendationOfTheLastStands_AndRecordsIt()
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2016, 3, 1));
        await SendAsUserAsync(officer, await ReviewAsync(childId, new DateOnly(2026, 8, 27), "PN1") with
        {
            Recommendations =
            [
                new() { Text = "Arrange sibling contact", Owner = "Social worker", DueOn = new DateOnly(2026, 9, 30) },
                new() { Text = "Dentist appointment", Owner = "Foster carers", DueOn = new DateOnly(2026, 10, 1) },
            ],
        });
        var ids = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SelectMany(r => r.Recommendations).OrderBy(r => r.DueOn).Select(r => r.Id).ToListAsync());

        // One left without a status: refused beside it, nothing written.
        var partial = await ReviewAsync(childId, new DateOnly(2026, 11, 20), "PN1") with
        {
            FollowUps = [new() { RecommendationId = ids[0], Status = RecommendationStatus.Done }, new() { RecommendationId = ids[1] }],
        };
        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(officer, partial));
        Assert.Equal(("FollowUps[1].Status", "Say whether the last review's recommendation to foster carers was done"), (ex.Field, ex.Message));
        Assert.Equal(1, await ReviewCountAsync());

        await SendAsUserAsync(officer, (await ReviewAsync(childId, new DateOnly(2026, 11, 20), "PN1")) with
        {
            FollowUps = [new() { RecommendationId = ids[0], Status = RecommendationStatus.Done }, new() { RecommendationId = ids[1], Status = RecommendationStatus.NotDone }],
        });

        var followed = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SelectMany(r => r.Recommendations).OrderBy(r => r.DueOn)
            .Select(r => new { r.Status, r.FollowedUpOn }).ToListAsync());
        Assert.Equal(
            [(RecommendationStatus.Done, (DateOnly?)new DateOnly(2026, 11, 20)), (RecommendationStatus.NotDone, new DateOnly(2026, 11, 20))],
            followed.Select(f => (f.Status, f.FollowedUpOn)));
    }

    [Fact]
    public async Task AFollowUpOfARecommendationFromAnotherReview_IsRefused()
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2016, 3, 1));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(officer, await ReviewAsync(childId, new DateOnly(2026, 8, 27), "PN1") with
        {
            FollowUps = [new() { RecommendationId = Guid.NewGuid(), Status = RecommendationStatus.Done }],
        }));

        Assert.Equal("A recommendation followed up is not one of the last review's", ex.Message);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task AReviewWithoutAttendeesOrEndorsement_OrWithAHalfWrittenRecommendation_IsRefusedBesideEachField()
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2016, 3, 1));
        var review = await ReviewAsync(childId, new DateOnly(2026, 8, 27), "PN1") with
        {
            Attendees = " ",
            CarePlanEndorsed = null,
            Recommendations = [new() { Text = "Arrange sibling contact" }],
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(officer, review));

        var errors = ex.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        Assert.Contains(("Attendees", "Enter who attended the review"), errors);
        Assert.Contains(("CarePlanEndorsed", "Select whether the review endorsed the care plan"), errors);
        Assert.Contains(("Recommendations[0].Owner", "Enter who is responsible"), errors);
        Assert.Contains(("Recommendations[0].DueOn", "Enter the date it is due by"), errors);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task ARecommendationDueBeforeTheReview_IsRefused()
    {
        var childId = await LookedAfterChildAsync(new DateOnly(2016, 3, 1));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(officer, await ReviewAsync(childId, new DateOnly(2026, 8, 27), "PN1") with
        {
            Recommendations = [new() { Text = "Sibling contact", Owner = "Social worker", DueOn = new DateOnly(2026, 8, 1) }],
        }));

        Assert.Equal(("Recommendations[0].DueOn", "The date for recommendation 1 must be on or after the review, 27 August 2026"), (ex.Field, ex.Message));
    }
}
