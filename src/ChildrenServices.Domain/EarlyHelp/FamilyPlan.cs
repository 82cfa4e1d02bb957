using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.EarlyHelp;

/// <summary>
/// One family plan: goals against the Supporting Families outcomes, each with actions that have an
/// owner and a date, reviewed at Team Around the Family meetings where progress on each goal is
/// scored 0–10, so distance travelled can be seen.
/// </summary>
public sealed class FamilyPlan : Aggregate
{
    private readonly List<PlanGoal> goals = [];
    private readonly List<TafReview> reviews = [];

    private FamilyPlan()
    {
    }

    public FamilyPlan(Guid episodeId) => EpisodeId = episodeId;

    public Guid EpisodeId { get; private init; }

    public IReadOnlyList<PlanGoal> Goals => goals;

    public IReadOnlyList<TafReview> Reviews => reviews;

    public DateOnly? NextReviewOn => reviews.OrderByDescending(r => r.HeldOn).FirstOrDefault()?.NextReviewOn;

    public PlanGoal AddGoal(FamilyOutcome outcome, string description, int baseline)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Describe what the family wants to achieve", "Description");
        }

        if (baseline is < 0 or > 10)
        {
            throw new DomainRuleException("Score where things are now from 0 to 10", "Baseline");
        }

        var goal = new PlanGoal(Id, outcome, description.Trim(), baseline);
        goals.Add(goal);
        return goal;
    }

    public PlanAction AddAction(Guid goalId, string description, string owner, DateOnly? dueOn)
    {
        var goal = Goal(goalId);
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Describe the action", "Action");
        }

        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new DomainRuleException("Say who will do it", "Owner");
        }

        var action = new PlanAction(Id, goal.Id, description.Trim(), owner.Trim(), dueOn);
        goal.AddAction(action);
        return action;
    }

    public void CompleteAction(Guid actionId, DateOnly on)
    {
        var action = goals.SelectMany(g => g.Actions).SingleOrDefault(a => a.Id == actionId)
            ?? throw new DomainRuleException("That action is not on this plan", "ActionId");
        action.CompletedOn = on;
    }

    /// <summary>A Team Around the Family meeting: who came, progress on every goal, and when to meet next.</summary>
    public TafReview Review(DateOnly heldOn, string attendees, IReadOnlyDictionary<Guid, (int Score, string? Note)> progress, string? summary, DateOnly nextReviewOn, DateOnly today)
    {
        if (heldOn > today)
        {
            throw new DomainRuleException("The meeting date must be today or in the past", "HeldOn");
        }

        if (nextReviewOn <= heldOn)
        {
            throw new DomainRuleException("The next review must be after this meeting", "NextReviewOn");
        }

        if (string.IsNullOrWhiteSpace(attendees))
        {
            throw new DomainRuleException("Say who attended", "Attendees");
        }

        if (goals.Count == 0)
        {
            throw new DomainRuleException("Add the plan's goals before reviewing it", "Progress");
        }

        var missing = goals.Where(g => !progress.ContainsKey(g.Id)).ToList();
        if (missing.Count > 0 || progress.Values.Any(p => p.Score is < 0 or > 10))
        {
            throw new DomainRuleException("Score progress on every goal from 0 to 10", "Progress");
        }

        var review = new TafReview(Id, heldOn, attendees.Trim(), string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), nextReviewOn);
        foreach (var goal in goals)
        {
            var (score, note) = progress[goal.Id];
            review.AddProgress(goal.Id, score, note);
        }

        reviews.Add(review);
        return review;
    }

    private PlanGoal Goal(Guid goalId) => goals.SingleOrDefault(g => g.Id == goalId)
        ?? throw new DomainRuleException("That goal is not on this plan", "GoalId");
}

public sealed class PlanGoal : IPartOf<FamilyPlan>
{
    private readonly List<PlanAction> actions = [];

    private PlanGoal()
    {
        Description = string.Empty;
    }

    internal PlanGoal(Guid planId, FamilyOutcome outcome, string description, int baseline)
    {
        PlanId = planId;
        Outcome = outcome;
        Description = description;
        Baseline = baseline;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public FamilyOutcome Outcome { get; private init; }

    public string Description { get; private init; }

    /// <summary>Where things stood when the goal was set, 0–10: the start of distance travelled.</summary>
    public int Baseline { get; private init; }

    public IReadOnlyList<PlanAction> Actions => actions;

    internal void AddAction(PlanAction action) => actions.Add(action);
}

public sealed class PlanAction : IPartOf<FamilyPlan>
{
    private PlanAction()
    {
        Description = string.Empty;
        Owner = string.Empty;
    }

    internal PlanAction(Guid planId, Guid goalId, string description, string owner, DateOnly? dueOn)
    {
        PlanId = planId;
        GoalId = goalId;
        Description = description;
        Owner = owner;
        DueOn = dueOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The plan the action's goal is on: its root, so a change to the action versions the plan.</summary>
    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public Guid GoalId { get; private init; }

    public string Description { get; private init; }

    public string Owner { get; private init; }

    public DateOnly? DueOn { get; private init; }

    public DateOnly? CompletedOn { get; internal set; }
}

public sealed class TafReview : IPartOf<FamilyPlan>
{
    private readonly List<GoalProgress> progress = [];

    private TafReview()
    {
        Attendees = string.Empty;
    }

    internal TafReview(Guid planId, DateOnly heldOn, string attendees, string? summary, DateOnly nextReviewOn)
    {
        PlanId = planId;
        HeldOn = heldOn;
        Attendees = attendees;
        Summary = summary;
        NextReviewOn = nextReviewOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public DateOnly HeldOn { get; private init; }

    public string Attendees { get; private init; }

    public string? Summary { get; private init; }

    public DateOnly NextReviewOn { get; private init; }

    public IReadOnlyList<GoalProgress> Progress => progress;

    internal void AddProgress(Guid goalId, int score, string? note) =>
        progress.Add(new GoalProgress(PlanId, Id, goalId, score, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
}

public sealed class GoalProgress : IPartOf<FamilyPlan>
{
    private GoalProgress()
    {
    }

    internal GoalProgress(Guid planId, Guid reviewId, Guid goalId, int score, string? note)
    {
        PlanId = planId;
        ReviewId = reviewId;
        GoalId = goalId;
        Score = score;
        Note = note;
    }

    /// <summary>The plan the review is of: its root, so a change to the score versions the plan.</summary>
    public Guid PlanId { get; private init; }

    Guid IPartOf.RootId => PlanId;

    public Guid ReviewId { get; private init; }

    public Guid GoalId { get; private init; }

    public int Score { get; private init; }

    public string? Note { get; private init; }
}
