using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>
/// The rules that keep a child's plans from overlapping, as the CIN census checks them: at most one open child
/// protection plan (CIN rule 8935), child protection plans never overlapping (8940), and a child in need plan never
/// open while a child protection plan is (4001, 4016, 4017). A child protection plan that starts ends an open child
/// in need plan that day (<see cref="ChildInNeedPlan.EndAsChildProtectionPlanStarts"/>).
/// </summary>
public static class PlanOverlap
{
    public const string SecondOpenChildProtectionPlan = "The child already has an open child protection plan: record its review conference instead";

    /// <summary>A child protection plan can start on <paramref name="startsOn"/> given the child's other child protection plans.</summary>
    public static void EnsureChildProtectionPlanCanStart(DateOnly startsOn, IEnumerable<ChildProtectionPlan> childProtectionPlans)
    {
        ArgumentNullException.ThrowIfNull(childProtectionPlans);
        var plans = childProtectionPlans.ToList();
        if (plans.Any(p => p.IsOpen))
        {
            throw new DomainRuleException(SecondOpenChildProtectionPlan, "Outcome");
        }

        if (plans.FirstOrDefault(p => p.EndedOn > startsOn) is { } overlapping)
        {
            throw new DomainRuleException($"An earlier child protection plan ran until {overlapping.EndedOn:d MMMM yyyy}: a new plan cannot start before then (CIN rule 8940)", "HeldOn");
        }
    }

    /// <summary>
    /// A child in need plan starting on <paramref name="startsOn"/> and open from then on would run alongside any child
    /// protection plan still open, or one that ended after that date.
    /// </summary>
    public static void EnsureChildInNeedPlanCanStart(DateOnly startsOn, IEnumerable<ChildProtectionPlan> childProtectionPlans)
    {
        ArgumentNullException.ThrowIfNull(childProtectionPlans);
        var plans = childProtectionPlans.ToList();
        if (plans.Any(p => p.IsOpen))
        {
            throw new DomainRuleException("The child has an open child protection plan: a child in need plan cannot start while it is open (CIN rule 4016)", "StartedOn");
        }

        if (plans.FirstOrDefault(p => p.EndedOn > startsOn) is { } overlapping)
        {
            throw new DomainRuleException($"A child protection plan ran until {overlapping.EndedOn:d MMMM yyyy}: a child in need plan cannot start before then (CIN rule 4017)", "StartedOn");
        }
    }
}
