using ChildrenServices.Application.SocialCare;
using Mediator;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>
/// What the child protection forms share, as helpers rather than a base class: the overview they return to, and
/// the open enquiry or plan a form is about.
/// </summary>
public static class ChildProtectionForms
{
    /// <summary>Where every child protection form returns, with its banner.</summary>
    public const string Overview = "/People/ChildProtection/Index";

    /// <summary>The child's open enquiry; or (after a refused save that closed it meanwhile) the latest one, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetChildProtection.Enquiry?> EnquiryAsync(ISender sender, Guid personId, bool openOnly)
    {
        var all = await sender.Send(new GetChildProtection.Query(personId));
        return all.Open ?? (openOnly ? null : all.Enquiries.FirstOrDefault());
    }

    /// <summary>The child's open plan; or (after a refused save that ended it meanwhile) the latest one, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetChildProtection.Plan?> PlanAsync(ISender sender, Guid personId, bool openOnly)
    {
        var all = await sender.Send(new GetChildProtection.Query(personId));
        return all.OpenPlan ?? (openOnly ? null : all.Plans?.FirstOrDefault());
    }

    /// <summary>
    /// The enquiry a refused form is shown again with. None at all (a form posted for a child who never had one) cannot be
    /// shown again: the refusal says why, as a conflict, rather than the page failing.
    /// </summary>
    public static async Task<GetChildProtection.Enquiry> EnquiryToShowAgainAsync(ISender sender, Guid personId) =>
        await EnquiryAsync(sender, personId, openOnly: false)
        ?? throw new Domain.Common.DomainRuleException("This child has no section 47 enquiry: start one from their child protection page");

    /// <summary>The plan a refused form is shown again with; none at all is said, not failed on (see <see cref="EnquiryToShowAgainAsync"/>).</summary>
    public static async Task<GetChildProtection.Plan> PlanToShowAgainAsync(ISender sender, Guid personId) =>
        await PlanAsync(sender, personId, openOnly: false)
        ?? throw new Domain.Common.DomainRuleException("This child has no child protection plan: it starts at an initial conference");
}
