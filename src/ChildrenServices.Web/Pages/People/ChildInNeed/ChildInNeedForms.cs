using ChildrenServices.Application.SocialCare;
using Mediator;

namespace ChildrenServices.Web.Pages.People.ChildInNeed;

/// <summary>What the child in need plan forms share, as helpers rather than a base class: the overview they return to and the plan they are about.</summary>
public static class ChildInNeedForms
{
    /// <summary>Where every child in need form returns, with its banner.</summary>
    public const string Overview = "/People/ChildInNeed/Index";

    /// <summary>The child's open plan; or (after a refused save that ended it meanwhile) the latest one, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetChildInNeedPlans.Plan?> PlanAsync(ISender sender, Guid personId, bool openOnly)
    {
        var plans = await sender.Send(new GetChildInNeedPlans.Query(personId));
        return plans.Open ?? (openOnly ? null : plans.Plans.FirstOrDefault());
    }

    /// <summary>
    /// The plan a refused form is shown again with. None at all (a form posted for a child who never had one) cannot be
    /// shown again: the refusal says why, as a conflict, rather than the page failing.
    /// </summary>
    public static async Task<GetChildInNeedPlans.Plan> PlanToShowAgainAsync(ISender sender, Guid personId) =>
        await PlanAsync(sender, personId, openOnly: false)
        ?? throw new Domain.Common.DomainRuleException("This child has no child in need plan");
}
