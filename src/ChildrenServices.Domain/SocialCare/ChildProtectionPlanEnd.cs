namespace ChildrenServices.Domain.SocialCare;

/// <summary>
/// Why a child protection plan ended. The CIN census records only the end date (CPPendDate): it has no end-reason
/// code, so these are the system's own values, never sent as a DfE code. A review conference ends most plans; the
/// others are the ways life ends a plan between conferences (Working Together 2023 expects a plan to end when the
/// child dies, moves to another council, which holds its own conference, turns 18, is adopted, or where local policy
/// ends it when the child becomes looked after).
/// </summary>
public enum ChildProtectionPlanEnd
{
    ReviewConference = 1,
    ChildDied = 2,
    MovedToAnotherCouncil = 3,
    Turned18 = 4,
    Adopted = 5,
    BecameLookedAfter = 6,
}

public static class ChildProtectionPlanEndText
{
    /// <summary>The reasons a worker can give outside a review conference, in the order offered.</summary>
    public static readonly IReadOnlyList<ChildProtectionPlanEnd> OutsideConference =
        [ChildProtectionPlanEnd.ChildDied, ChildProtectionPlanEnd.MovedToAnotherCouncil, ChildProtectionPlanEnd.Turned18, ChildProtectionPlanEnd.Adopted, ChildProtectionPlanEnd.BecameLookedAfter];

    public static string Describe(this ChildProtectionPlanEnd end) => end switch
    {
        ChildProtectionPlanEnd.ReviewConference => "Ended at a review conference",
        ChildProtectionPlanEnd.ChildDied => "The child died",
        ChildProtectionPlanEnd.MovedToAnotherCouncil => "The child moved to another council",
        ChildProtectionPlanEnd.Turned18 => "The child turned 18",
        ChildProtectionPlanEnd.Adopted => "The child was adopted",
        ChildProtectionPlanEnd.BecameLookedAfter => "The child became looked after (local policy ends the plan)",
        _ => end.ToString(),
    };
}
