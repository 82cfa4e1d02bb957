using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.SocialCare;

/// <summary>What an open enquiry is waiting for: the section 47 outcome (local), then the initial conference (15 working days, national).</summary>
public static class ChildProtectionDue
{
    public static DueItem? Next(ChildProtectionEnquiry e, StatutoryTimescales rules) =>
        !e.IsOpen ? null
        : e.Section47ConcludedOn is null ? new DueItem(DueKind.Section47Enquiry, rules.Section47EnquiryDue(e.StrategyHeldOn))
        : new DueItem(DueKind.InitialConference, e.ConferenceTargetOn ?? rules.InitialConferenceDue(e.StrategyHeldOn));

    /// <summary>An open plan's first core group (local, until one is held), next review conference (national) and next statutory visit (local).</summary>
    public static IEnumerable<DueItem> ForPlan(ChildProtectionPlan plan, StatutoryTimescales rules)
    {
        if (!plan.IsOpen)
        {
            yield break;
        }

        if (plan.CoreGroups.Count == 0)
        {
            yield return new DueItem(DueKind.FirstCoreGroup, rules.FirstCoreGroupDue(plan.StartedOn));
        }

        yield return new DueItem(DueKind.ChildProtectionReview, rules.ChildProtectionReviewDue(plan.StartedOn, plan.LatestReview));
        yield return new DueItem(DueKind.ChildProtectionVisit, rules.ChildProtectionVisitDue(plan.StartedOn, plan.LatestVisitSeen));
    }

    public static string Describe(DueKind kind) => kind switch
    {
        DueKind.FirstCoreGroup => "First core group",
        DueKind.ChildProtectionReview => "Child protection review conference",
        DueKind.ChildProtectionVisit => "Child protection visit (child seen)",
        DueKind.Section47Enquiry => "Section 47 enquiry outcome",
        DueKind.InitialConference => "Initial child protection conference",
        DueKind.StrategyDiscussion => "Strategy discussion",
        _ => kind.ToString(),
    };
}
