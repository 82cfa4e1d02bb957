using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.LookedAfter;
using static ChildrenServices.Domain.Tests.LookedAfter.CareFixtures;

namespace ChildrenServices.Domain.Tests.Common;

/// <summary>
/// Grandchildren of an aggregate carry their root's id themselves, so a change to one versions the root
/// even when only the grandchild was loaded.
/// </summary>
public sealed class PartsNameTheirRootTests
{
    [Fact]
    public void APlanAction_AndATafScore_NameThePlan_NotTheirGoalOrReview()
    {
        var plan = new FamilyPlan(Guid.CreateVersion7());
        var goal = plan.AddGoal(FamilyOutcome.Education, "Riley at school every day", 3);

        var action = plan.AddAction(goal.Id, "Breakfast club place", "School", new DateOnly(2026, 12, 1));
        var review = plan.Review(new DateOnly(2026, 11, 24), "Mum, school, keyworker", new Dictionary<Guid, (int, string?)> { [goal.Id] = (7, null) }, null, new DateOnly(2027, 1, 5), new DateOnly(2026, 11, 24));

        Assert.Equal(plan.Id, ((IPartOf)action).RootId);
        Assert.Equal(plan.Id, ((IPartOf)Assert.Single(review.Progress)).RootId);
        Assert.Equal((goal.Id, review.Id), (action.GoalId, Assert.Single(review.Progress).ReviewId));
    }

    [Fact]
    public void AReviewRecommendation_NamesThePeriodOfCare_NotItsReview()
    {
        var period = PeriodOfCare.Start(Child, StartDay, "C1", "N1", Smith, BornOn, Today);
        var outcome = new ReviewOutcome("Riley, carers", null, null, true, [new RecommendationInput("Dentist appointment", "Foster carers", Today.AddDays(28))], new Dictionary<Guid, RecommendationStatus>());

        var review = period.RecordReview(Today, "PN1", Guid.CreateVersion7(), Today, outcome: outcome);

        var recommendation = Assert.Single(review.Recommendations);
        Assert.Equal(period.Id, ((IPartOf)recommendation).RootId);
        Assert.Equal(review.Id, recommendation.ClaReviewId);
    }
}
