using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Timescales;

namespace ChildrenServices.Application.SocialCare;

/// <summary>What an open enquiry is waiting for: the section 47 outcome (local), then the initial conference (15 working days, national).</summary>
public static class ChildProtectionDue
{
    public static DueItem? Next(ChildProtectionEnquiry e, StatutoryTimescales rules) =>
        !e.IsOpen ? null : NextForOpen(e.StrategyHeldOn, e.Section47ConcludedOn, e.ConferenceTargetOn, rules);

    /// <summary>The same for an open enquiry, from the dates a worktray projects (it does not load the enquiry).</summary>
    public static DueItem NextForOpen(DateOnly strategyHeldOn, DateOnly? section47ConcludedOn, DateOnly? conferenceTargetOn, StatutoryTimescales rules) =>
        section47ConcludedOn is null ? new DueItem(DueKind.Section47Enquiry, rules.Section47EnquiryDue(strategyHeldOn))
        : new DueItem(DueKind.InitialConference, conferenceTargetOn ?? rules.InitialConferenceDue(strategyHeldOn));

    /// <summary>An open plan's first core group (local, until one is held), next review conference (national) and next statutory visit (local).</summary>
    public static IEnumerable<DueItem> ForPlan(ChildProtectionPlan plan, StatutoryTimescales rules) =>
        plan.IsOpen ? ForOpenPlan(plan.StartedOn, plan.CoreGroups.Count > 0, plan.LatestReview, plan.LatestVisitSeen, rules) : [];

    /// <summary>The same, from the dates a worktray projects (it does not load the plan).</summary>
    public static IEnumerable<DueItem> ForOpenPlan(DateOnly startedOn, bool coreGroupHeld, DateOnly? latestReview, DateOnly? latestVisitSeen, StatutoryTimescales rules)
    {
        if (!coreGroupHeld)
        {
            yield return new DueItem(DueKind.FirstCoreGroup, rules.FirstCoreGroupDue(startedOn));
        }

        yield return new DueItem(DueKind.ChildProtectionReview, rules.ChildProtectionReviewDue(startedOn, latestReview));
        yield return new DueItem(DueKind.ChildProtectionVisit, rules.ChildProtectionVisitDue(startedOn, latestVisitSeen));
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
